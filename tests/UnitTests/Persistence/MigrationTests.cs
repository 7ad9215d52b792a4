using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Infrastructure.Persistence;

namespace Portal.UnitTests.Persistence;

/// <summary>Each provider keeps its own migrations; neither may fall behind the model.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_SQLite_migrations_capture_every_model_change()
    {
        using var context = Create<SqlitePortalDbContext>();
        context.Database.HasPendingModelChanges().ShouldBeFalse(
            "run: dotnet ef migrations add <Name> --context SqlitePortalDbContext --output-dir Persistence/Migrations/Sqlite");
        context.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public void The_PostgreSQL_migrations_capture_every_model_change()
    {
        using var context = Create<PostgresPortalDbContext>();
        context.Database.HasPendingModelChanges().ShouldBeFalse(
            "run: dotnet ef migrations add <Name> --context PostgresPortalDbContext --output-dir Persistence/Migrations/Postgres");
        context.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public void The_two_providers_have_separate_migration_sets()
    {
        using var sqlite = Create<SqlitePortalDbContext>();
        using var postgres = Create<PostgresPortalDbContext>();
        sqlite.GetType().ShouldNotBe(postgres.GetType());
        sqlite.Database.ProviderName.ShouldBe("Microsoft.EntityFrameworkCore.Sqlite");
        postgres.Database.ProviderName.ShouldBe("Npgsql.EntityFrameworkCore.PostgreSQL");
    }

    private static TContext Create<TContext>() where TContext : PortalDbContext
    {
        var factoryType = typeof(PortalDbContext).Assembly.GetTypes()
            .Single(t => typeof(IDesignTimeDbContextFactory<TContext>).IsAssignableFrom(t));
        var factory = (IDesignTimeDbContextFactory<TContext>)Activator.CreateInstance(factoryType, nonPublic: true)!;
        return factory.CreateDbContext([]);
    }
}
