namespace Portal.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
