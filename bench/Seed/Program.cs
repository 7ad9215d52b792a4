using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Common;
using Portal.Bench.Seed;
using Portal.Domain.Users;
using Portal.Infrastructure;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Startup;

// The product builds its own schema, first administrator and settings (configured the way the app is, through
// Portal__* environment variables); only then are the rows bulk inserted.
var options = SeedOptions.Parse(args);
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
await using var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton(TimeProvider.System)
    .AddInfrastructure(configuration, Directory.GetCurrentDirectory())
    .BuildServiceProvider();

var watch = Stopwatch.StartNew();
await using (var scope = services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemoContacts: false, CancellationToken.None);
}
var database = services.GetRequiredService<DatabaseSettings>();
if (database.Provider != DatabaseProvider.Sqlite) throw new InvalidOperationException("The bench seeds SQLite only.");

var hasher = services.GetRequiredService<IPasswordHasher>();
var hash = hasher.Hash(InternalUser.Create(options.CustomerLogin, "Bench customer"), options.CustomerPassword);
var schemaTime = watch.Elapsed;
watch.Restart();

await using var connection = new SqliteConnection(database.ConnectionString);
connection.Open();
var counts = new Seeder(connection, options, hash).Run();
Console.WriteLine($"seeded {string.Join(", ", counts.Select(c => $"{c.Value:N0} {c.Key}"))} "
    + $"in {watch.Elapsed.TotalSeconds:F1} s (schema {schemaTime.TotalSeconds:F1} s)");
