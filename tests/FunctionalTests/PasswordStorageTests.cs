using Microsoft.EntityFrameworkCore;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>How an accepted invitation's password is stored, by a portal that hashes at production strength.</summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.Independent)]
public sealed class PasswordStorageTests(ProductionHashingFactory factory) : IClassFixture<ProductionHashingFactory>
{
    [Fact]
    public async Task Passwords_are_stored_as_PBKDF2_hashes_with_at_least_220000_iterations()
    {
        using var admin = await factory.SignedInAdminAsync();
        await factory.ActiveCustomerAsync(admin, "Hanna Hash", "hanna.hash@example.com");

        var hash = await factory.WithDbAsync(db => db.PortalUsers.Where(u => u.Login == "hanna.hash@example.com")
            .Select(u => u.PasswordHash).SingleAsync());
        var bytes = Convert.FromBase64String(hash!);
        bytes[0].ShouldBe((byte)0x01); // ASP.NET Core Identity v3 format: PBKDF2 with a random salt
        var iterations = (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
        iterations.ShouldBeGreaterThanOrEqualTo(220_000);
        hash!.ShouldNotContain(Flows.CustomerPassword);
    }
}
