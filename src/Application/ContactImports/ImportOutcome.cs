namespace Portal.Application.ContactImports;

public enum ImportOutcome
{
    New = 1,
    Updated = 2,
    Unchanged = 3,
    Refused = 4,
}
