using System.Globalization;
using Portal.Application.Adoption;

namespace Portal.Web.Infrastructure.Presentation;

/// <summary>
/// The geometry of the dashboard's weekly chart, drawn on the server as SVG: accepted invitations as hatched bars, customers
/// who signed in as a line with square markers, each value written beside its mark so that neither colour nor the eye's
/// estimate is needed to read it.
/// </summary>
public sealed class AdoptionChart
{
    public const int Width = 760;
    public const int Height = 300;
    private const double Left = 44, Right = 12, Top = 24, Bottom = 44;

    public AdoptionChart(IReadOnlyList<AdoptionWeek> weeks)
    {
        Max = NiceCeiling(weeks.Count == 0 ? 0 : weeks.Max(w => Math.Max(w.Accepted, w.SignedIn)));
        var slot = (Width - Left - Right) / Math.Max(1, weeks.Count);
        Columns = weeks.Select((week, i) =>
        {
            var middle = Left + slot * i + slot / 2;
            return new Column(week, middle, middle - slot * 0.3, slot * 0.6, Y(week.Accepted), Y(0) - Y(week.Accepted), Y(week.SignedIn));
        }).ToList();
        Ticks = [0, Max / 2, Max];
    }

    /// <summary>The top of the scale: the largest value rounded up to a number that halves evenly; at least 2.</summary>
    public int Max { get; }
    public IReadOnlyList<Column> Columns { get; }
    public IReadOnlyList<int> Ticks { get; }

    public static string ViewBox => $"0 0 {Width} {Height}";
    public static string PlotLeft => N(Left);
    public static string PlotRight => N(Width - Right);
    public static string LabelY => N(Height - Bottom + 18);

    public string LinePoints => string.Join(" ", Columns.Select(c => $"{N(c.Middle)},{N(c.SignedInY)}"));

    public double Y(int value) => Height - Bottom - (Height - Top - Bottom) * value / Math.Max(1, Max);

    /// <summary>A coordinate as SVG reads it, whatever the page's culture.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static int NiceCeiling(int value)
    {
        if (value <= 2) return 2;
        var magnitude = (int)Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 2, 4, 6, 8 })
        {
            if (step * magnitude >= value) return step * magnitude;
        }
        return 10 * magnitude;
    }

    public sealed record Column(AdoptionWeek Week, double Middle, double BarX, double BarWidth, double BarY, double BarHeight, double SignedInY);
}
