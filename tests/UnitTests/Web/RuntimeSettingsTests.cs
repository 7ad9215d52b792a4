using System.Text.Json;

namespace Portal.UnitTests.Web;

public sealed class RuntimeSettingsTests
{
    private static JsonElement ConfigProperties()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Portal.Web.runtimeconfig.json")));
        return config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void The_portal_runs_the_server_gc_with_gen0_at_most_once_what_survives()
    {
        var properties = ConfigProperties();
        properties.GetProperty("System.GC.Server").GetBoolean().ShouldBeTrue();
        // Permil of what survives; the runtime's default, ten times, made the first seconds of load cost 50-64 MB.
        properties.GetProperty("System.GC.DGen0GrowthMaxFactor").GetInt32().ShouldBe(1000);
    }

    [Fact]
    public void The_gc_hands_out_its_heap_in_regions_of_one_mebibyte()
    {
        // With the runtime's 4 MB regions the peak at 100k contacts was 6-8 MB higher.
        ConfigProperties().GetProperty("System.GC.RegionSize").GetInt32().ShouldBe(1024 * 1024);
    }

    [Fact]
    public void The_portal_keeps_one_thread_pool_worker_per_core_unless_work_blocks()
    {
        ConfigProperties().GetProperty("System.Threading.ThreadPool.HillClimbing.Disable").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void The_portal_recompiles_with_profiles_only_what_runs_thousands_of_times()
    {
        var properties = ConfigProperties();
        properties.TryGetProperty("System.Runtime.TieredPGO", out var pgo).ShouldBe(false, $"TieredPGO is set: {pgo}");
        properties.GetProperty("System.Runtime.TieredCompilation.CallCountThreshold").GetInt32().ShouldBe(4096);
    }
}
