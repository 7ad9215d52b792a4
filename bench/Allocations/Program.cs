using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// Where a process's allocations come from, from a `dotnet-trace collect --profile gc-verbose` trace: the runtime
// reports an allocation tick about every 100 KB, with the type and the stack of the allocation that crossed it, so the
// ticks' bytes are a sample of what was allocated, by type and by the frames of the app that allocated it.
//
//   dotnet run --project bench/Allocations -c Release -- <trace.nettrace> [top=25] [frame needle …]
//
// With needles, prints the share of the sampled bytes whose stack contains each needle (a substring of a frame).
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: dotnet run --project bench/Allocations -- <trace.nettrace> [top] [needle …]");
    return 2;
}
var top = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 25;
var needles = args.Skip(2).ToArray();
var etlx = args[0].EndsWith(".etlx", StringComparison.Ordinal) ? args[0] : TraceLog.CreateFromEventPipeDataFile(args[0]);
using var log = new TraceLog(etlx);
var byType = new Dictionary<string, long>();
var byFrame = new Dictionary<string, long>();
var byNeedle = needles.ToDictionary(needle => needle, _ => 0L);
// PORTAL_ALLOCATIONS_OF=<type name part>: the stacks (innermost frames first) that allocate that type.
var typeOfInterest = Environment.GetEnvironmentVariable("PORTAL_ALLOCATIONS_OF");
var stacksOfType = new Dictionary<string, long>();
long total = 0;
foreach (var tick in log.Events.Where(e => e is GCAllocationTickTraceData).Cast<GCAllocationTickTraceData>())
{
    var bytes = tick.AllocationAmount64;
    total += bytes;
    byType[tick.TypeName] = byType.GetValueOrDefault(tick.TypeName) + bytes;
    var frames = new HashSet<string>();
    for (var frame = tick.CallStack(); frame is not null; frame = frame.Caller)
        frames.Add(frame.CodeAddress.FullMethodName is { Length: > 0 } name ? $"{frame.CodeAddress.ModuleName}!{name}" : "?");
    foreach (var frame in frames) byFrame[frame] = byFrame.GetValueOrDefault(frame) + bytes;
    if (typeOfInterest is { Length: > 0 } && tick.TypeName.Contains(typeOfInterest, StringComparison.Ordinal))
    {
        var innermost = new List<string>();
        for (var frame = tick.CallStack(); frame is not null && innermost.Count < 8; frame = frame.Caller)
            if (frame.CodeAddress.FullMethodName is { Length: > 0 } name) innermost.Add(name.Length > 70 ? name[..70] : name);
        var key = string.Join(" <- ", innermost);
        stacksOfType[key] = stacksOfType.GetValueOrDefault(key) + bytes;
    }
    foreach (var needle in needles)
        if (frames.Any(frame => frame.Contains(needle, StringComparison.Ordinal))) byNeedle[needle] += bytes;
}
Console.WriteLine($"sampled allocations: {total / 1024.0 / 1024.0:F0} MB");
Console.WriteLine($"-- top {top} types");
foreach (var (type, bytes) in byType.OrderByDescending(pair => pair.Value).Take(top))
    Console.WriteLine($"{100.0 * bytes / total,6:F1}%  {type}");
Console.WriteLine($"-- top {top} frames (share of sampled bytes whose stack holds them)");
foreach (var (frame, bytes) in byFrame.Where(pair => !pair.Key.StartsWith("System.Private.CoreLib", StringComparison.Ordinal))
             .OrderByDescending(pair => pair.Value).Take(top))
    Console.WriteLine($"{100.0 * bytes / total,6:F1}%  {(frame.Length > 150 ? frame[..150] : frame)}");
foreach (var (stack, bytes) in stacksOfType.OrderByDescending(pair => pair.Value).Take(top))
    Console.WriteLine($"{100.0 * bytes / total,6:F2}%  {stack}");
foreach (var (needle, bytes) in byNeedle)
    Console.WriteLine($"{100.0 * bytes / total,6:F1}%  stacks with {needle}");
return 0;
