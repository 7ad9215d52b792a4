namespace Portal.FunctionalTests.Support;

/// <summary>
/// Marks a test class whose behaviour cannot differ between the databases (headers, cookies, routes, rate limits,
/// authorization, logging, timing): CI runs it on SQLite only and spends the PostgreSQL pass on what the provider changes.
/// Use as <c>[Trait(DatabaseTrait.Name, DatabaseTrait.Independent)]</c>.
/// </summary>
public static class DatabaseTrait
{
    public const string Name = "Database";
    public const string Independent = "Independent";
}
