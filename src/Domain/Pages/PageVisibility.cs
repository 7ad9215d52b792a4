namespace Portal.Domain.Pages;

public enum PageVisibility
{
    Draft = 0,
    Public = 1,
    PortalUsers = 2,
}
