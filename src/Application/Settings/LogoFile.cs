using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml;
using Portal.Domain.Settings;

namespace Portal.Application.Settings;

/// <summary>
/// Decides whether an uploaded file may become the logo. A logo is shown on every page and in every e-mail, so
/// only two passive formats pass: a PNG whose header is sound, and an SVG with nothing active in it — no
/// script, no event handler, no embedded HTML or plug-in, no link or stylesheet that loads anything from outside.
/// </summary>
public static partial class LogoFile
{
    public const string Png = "image/png";
    public const string Svg = "image/svg+xml";
    public const int MaxDimension = 4096;

    public const string Missing = "Choose a PNG or SVG file for the logo.";
    public const string TooLarge = "The logo must be at most {0} KB.";
    public const string WrongType = "The logo must be a PNG or SVG file.";
    public const string BrokenPng = "This PNG file is damaged or its size is implausible (at most {0} × {0} pixels).";
    public const string BrokenSvg = "This SVG file can't be read. Document type declarations and entities are not allowed.";
    public const string ActiveSvg =
        "This SVG contains scripts, event handlers, links or embedded content. Export it as a plain drawing or upload a PNG.";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly HashSet<string> ActiveElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "iframe", "embed", "object", "handler", "listener", "applet", "frame", "frameset", "base", "meta",
        "link",
    };

    /// <summary>What the placeholders of a refusal <see cref="Check"/> gave stand for.</summary>
    public static object[] ArgumentsOf(string refusal) => refusal switch
    {
        TooLarge => [PortalSettings.LogoMaxKilobytes],
        BrokenPng => [MaxDimension],
        _ => [],
    };

    /// <summary>The content type the logo is stored with, or the reason it is refused.</summary>
    public static (string? ContentType, string? Refusal) Check(string? contentType, string? fileName, byte[]? data)
    {
        if (data is null || data.Length == 0) return (null, Missing);
        if (data.Length > PortalSettings.LogoMaxBytes) return (null, TooLarge);
        if (data.AsSpan().StartsWith(PngSignature)) return IsSoundPng(data) ? (Png, null) : (null, BrokenPng);
        var saysSvg = string.Equals(contentType, Svg, StringComparison.OrdinalIgnoreCase)
            || (fileName?.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ?? false);
        if (!saysSvg) return (null, string.Equals(contentType, Png, StringComparison.OrdinalIgnoreCase) ? BrokenPng : WrongType);
        return CheckSvg(data) is { } refusal ? (null, refusal) : (Svg, null);
    }

    /// <summary>A short fingerprint of the content: it changes with every new logo, so caches never serve an old one.</summary>
    public static string Version(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data))[..16];

    /// <summary>The signature, then an IHDR chunk of 13 bytes with a width and height between 1 and <see cref="MaxDimension"/>.</summary>
    public static bool IsSoundPng(byte[] data)
    {
        if (data.Length < 8 + 8 + 13 + 4 || !data.AsSpan().StartsWith(PngSignature)) return false;
        var chunk = data.AsSpan(8);
        if (BinaryPrimitives.ReadUInt32BigEndian(chunk) != 13 || !chunk.Slice(4, 4).SequenceEqual("IHDR"u8)) return false;
        var width = BinaryPrimitives.ReadUInt32BigEndian(chunk.Slice(8, 4));
        var height = BinaryPrimitives.ReadUInt32BigEndian(chunk.Slice(12, 4));
        return width is >= 1 and <= MaxDimension && height is >= 1 and <= MaxDimension;
    }

    /// <summary>Null when the SVG is a passive drawing; otherwise why it is refused.</summary>
    public static string? CheckSvg(byte[] data)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = PortalSettings.LogoMaxBytes * 2L,
            IgnoreComments = true,
        };
        try
        {
            using var stream = new MemoryStream(data, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            var sawRoot = false;
            var inStyle = false;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.ProcessingInstruction:
                        // <?xml-stylesheet?> loads a stylesheet from elsewhere.
                        return ActiveSvg;
                    case XmlNodeType.Element:
                        if (!sawRoot)
                        {
                            if (reader.LocalName != "svg") return BrokenSvg;
                            sawRoot = true;
                        }
                        if (ActiveElements.Contains(reader.LocalName) || reader.NamespaceURI == "http://www.w3.org/1999/xhtml")
                            return ActiveSvg;
                        inStyle = reader.LocalName.Equals("style", StringComparison.OrdinalIgnoreCase) && !reader.IsEmptyElement;
                        if (reader.MoveToFirstAttribute())
                        {
                            do
                            {
                                if (!IsPassiveAttribute(reader.LocalName, reader.Value)) return ActiveSvg;
                            }
                            while (reader.MoveToNextAttribute());
                            reader.MoveToElement();
                        }
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA when inStyle:
                        if (LoadsSomething(reader.Value)) return ActiveSvg;
                        break;
                    case XmlNodeType.EndElement:
                        inStyle = false;
                        break;
                }
            }
            return sawRoot ? null : BrokenSvg;
        }
        catch (XmlException)
        {
            return BrokenSvg;
        }
    }

    private static bool IsPassiveAttribute(string name, string value)
    {
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) return false;
        var trimmed = value.Trim();
        if (name.Equals("href", StringComparison.OrdinalIgnoreCase) || name.Equals("src", StringComparison.OrdinalIgnoreCase))
            return trimmed.StartsWith('#') || IsEmbeddedRaster(trimmed);
        // <animate attributeName="href" to="javascript:…"> rewrites a link after the checks above.
        if (name is "attributeName" && trimmed.EndsWith("href", StringComparison.OrdinalIgnoreCase)) return false;
        if (trimmed.Contains("javascript:", StringComparison.OrdinalIgnoreCase)) return false;
        return !LoadsSomething(trimmed);
    }

    private static bool IsEmbeddedRaster(string value) =>
        value.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase)
        && !value.StartsWith("data:image/svg", StringComparison.OrdinalIgnoreCase);

    /// <summary>CSS that fetches something: @import, or url(...) pointing anywhere but at a fragment of this drawing.</summary>
    private static bool LoadsSomething(string css) =>
        css.Contains("@import", StringComparison.OrdinalIgnoreCase) || ExternalUrl().IsMatch(css)
        || css.Contains("expression(", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"url\s*\(\s*(?!['""]?#)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExternalUrl();
}
