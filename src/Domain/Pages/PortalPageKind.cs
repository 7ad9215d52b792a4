namespace Portal.Domain.Pages;

public enum PortalPageKind
{
    Page = 1,
    BlogPost = 2,
}
