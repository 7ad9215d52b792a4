using Microsoft.Extensions.DependencyInjection;
using Portal.Application.Settings;
using Portal.Domain.Settings;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

/// <summary>The instance's copy of the settings, read from the database as the app reads it (not the fake the other tests use).</summary>
public sealed class PortalSettingsCacheTests : HandlerTest
{
    protected override void Replace(IServiceCollection services) =>
        services.Remove(services.Last(d => d.ServiceType == typeof(IPortalSettings)));

    [Fact]
    public async Task A_read_that_overlaps_a_saved_change_is_not_kept_so_the_change_shows_at_once()
    {
        using var request = NewRequest();
        var settings = request.Resolve<IPortalSettings>();
        using var reading = new SemaphoreSlim(0);
        using var carryOn = new ManualResetEventSlim();
        Hooks.OnQuery = command =>
        {
            if (!command.CommandText.Contains("\"Settings\"", StringComparison.Ordinal)) return;
            reading.Release();
            carryOn.Wait(TimeSpan.FromSeconds(10));
        };
        var overlapping = Task.Run(() => settings.CurrentAsync(CancellationToken.None).AsTask());
        (await reading.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue();
        Hooks.OnQuery = null;

        settings.Invalidate();
        carryOn.Set();
        await overlapping;
        await using (var db = Database.CreateContext())
        {
            db.Settings.Add(PortalSettings.CreateDefault("Saved Meanwhile Ltd", TimeSpan.FromDays(7), TimeSpan.FromMinutes(30)));
            await db.SaveChangesAsync();
        }

        (await settings.CurrentAsync(CancellationToken.None)).CompanyName.ShouldBe("Saved Meanwhile Ltd");
    }
}
