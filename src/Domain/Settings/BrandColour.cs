using System.Globalization;

namespace Portal.Domain.Settings;

/// <summary>The primary colour: "#rrggbb", dark enough that white text on it stays readable (WCAG AA, 4.5:1).</summary>
public static class BrandColour
{
    public const double MinimumContrast = 4.5;

    public static bool IsHex(string? value) =>
        value is { Length: 7 } && value[0] == '#' && value.AsSpan(1).ToString().All(Uri.IsHexDigit);

    public static bool IsReadableOnWhite(string? value) => IsHex(value) && ContrastWithWhite(value!) >= MinimumContrast;

    public static double ContrastWithWhite(string hex) => 1.05 / (RelativeLuminance(hex) + 0.05);

    public static (int R, int G, int B) Rgb(string hex) => (
        int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static double RelativeLuminance(string hex)
    {
        var (r, g, b) = Rgb(hex);
        static double Channel(int value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(r) + 0.7152 * Channel(g) + 0.0722 * Channel(b);
    }
}
