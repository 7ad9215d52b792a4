using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Common;
using Portal.Application.Payments;
using Portal.Domain.Payments;
using Portal.Infrastructure.Security.KeyRing;
using Portal.UnitTests.Application.Support;
using Portal.Web.Infrastructure.Composition;

namespace Portal.UnitTests.Infrastructure;

/// <summary>The data-protection keys are stored in the database encrypted with a key that is not in the database.</summary>
public sealed class KeyRingTests : IDisposable
{
    private static readonly Iban Iban = Iban.Parse("DE89370400440532013000");

    private readonly PortalDatabase _database = new();
    private readonly string _backupFolder = Path.Combine(Path.GetTempPath(), "portal-unit-tests", Guid.NewGuid().ToString("n"));

    [Fact]
    public async Task A_copy_of_the_database_alone_cannot_decrypt_an_iban()
    {
        string stored;
        await using (var portal = Portal(_database.Folder, _database.ConnectionString))
        {
            stored = portal.GetRequiredService<IIbanProtector>().Protect(Iban);
        }
        var backup = CopyOfTheDatabase();

        await using var thief = Portal(_backupFolder, backup);
        Should.Throw<CryptographicException>(() => thief.GetRequiredService<IIbanProtector>().Unprotect(stored));

        await using var restored = Portal(_backupFolder, backup, keyFile: Path.Combine(_database.Folder, KeyFile.DefaultName));
        restored.GetRequiredService<IIbanProtector>().Unprotect(stored).ShouldBe(Iban);
    }

    [Fact]
    public async Task The_stored_keys_hold_no_key_material_in_plain_text()
    {
        await using (var portal = Portal(_database.Folder, _database.ConnectionString))
        {
            portal.GetRequiredService<IIbanProtector>().Protect(Iban);
        }

        var keys = await ReadKeysAsync();
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => xml.Contains("encryptedSecret") && !xml.Contains("masterKey"));
    }

    [Fact]
    public async Task The_key_file_is_created_on_first_use_readable_by_its_owner_only()
    {
        await using (var portal = Portal(_database.Folder, _database.ConnectionString))
        {
            portal.GetRequiredService<IIbanProtector>().Protect(Iban);
        }

        var keyFile = Path.Combine(_database.Folder, KeyFile.DefaultName);
        Convert.FromBase64String(await File.ReadAllTextAsync(keyFile)).Length.ShouldBe(32);
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task Keys_stored_unencrypted_before_the_upgrade_still_decrypt()
    {
        string stored;
        await using (var before = Portal(_database.Folder, _database.ConnectionString, encryption: KeyEncryption.None))
        {
            stored = before.GetRequiredService<IIbanProtector>().Protect(Iban);
        }

        await using var after = Portal(_database.Folder, _database.ConnectionString);
        after.GetRequiredService<IIbanProtector>().Unprotect(stored).ShouldBe(Iban);
    }

    public void Dispose()
    {
        _database.Dispose();
        try { Directory.Delete(_backupFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private string CopyOfTheDatabase()
    {
        Directory.CreateDirectory(_backupFolder);
        var file = Path.Combine(_backupFolder, "portal.db");
        File.Copy(Path.Combine(_database.Folder, "portal.db"), file);
        return $"Data Source={file};Pooling=False";
    }

    private async Task<List<string>> ReadKeysAsync()
    {
        await using var db = _database.CreateContext();
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    /// <summary>The app's own registration over a data folder and a database, as a fresh instance would start.</summary>
    private static ServiceProvider Portal(string dataFolder, string connectionString, string? keyFile = null,
        KeyEncryption? encryption = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:DataFolder"] = dataFolder,
            ["ConnectionStrings:Portal"] = connectionString,
            ["Portal:DataProtection:KeyFilePath"] = keyFile,
            ["Portal:DataProtection:KeyEncryption"] = encryption?.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalCore(configuration, dataFolder);
        services.AddSingleton<ICurrentUser>(new FakeCurrentUser());
        return services.BuildServiceProvider();
    }
}
