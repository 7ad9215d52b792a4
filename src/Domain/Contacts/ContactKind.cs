namespace Portal.Domain.Contacts;

public enum ContactKind
{
    Person = 0,
    Company = 1,
}
