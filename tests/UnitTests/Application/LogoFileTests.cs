using System.Buffers.Binary;
using System.Text;
using Portal.Application.Settings;
using Portal.Domain.Settings;

namespace Portal.UnitTests.Application;

public sealed class LogoFileTests
{
    /// <summary>A PNG signature and IHDR chunk of the given size, followed by an empty IEND chunk.</summary>
    public static byte[] Png(uint width = 120, uint height = 40)
    {
        var bytes = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        var header = new byte[8 + 13 + 4];
        BinaryPrimitives.WriteUInt32BigEndian(header, 13);
        "IHDR"u8.CopyTo(header.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8), width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(12), height);
        header[16] = 8;
        header[17] = 6;
        bytes.AddRange(header);
        bytes.AddRange(new byte[] { 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 });
        return [.. bytes];
    }

    private static byte[] Svg(string inner, string attributes = "") =>
        Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" " +
            $"viewBox=\"0 0 10 10\"{attributes}>{inner}</svg>");

    [Fact]
    public void A_sound_png_is_accepted_whatever_name_or_type_the_browser_claims()
    {
        LogoFile.Check("image/png", "logo.png", Png()).ShouldBe(("image/png", null));
        LogoFile.Check("application/octet-stream", "logo", Png()).ShouldBe(("image/png", null));
    }

    [Theory]
    [InlineData(0u, 40u)]
    [InlineData(120u, 0u)]
    [InlineData(100_000u, 40u)]
    [InlineData(40u, 5000u)]
    public void A_png_of_implausible_size_is_refused(uint width, uint height) =>
        LogoFile.Check("image/png", "logo.png", Png(width, height)).Refusal.ShouldBe(LogoFile.BrokenPng);

    [Fact]
    public void A_png_signature_without_a_header_is_refused() =>
        LogoFile.Check("image/png", "logo.png", Png()[..20]).Refusal.ShouldBe(LogoFile.BrokenPng);

    [Fact]
    public void A_file_that_only_claims_to_be_a_png_is_refused() =>
        LogoFile.Check("image/png", "logo.png", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")).Refusal
            .ShouldBe(LogoFile.BrokenPng);

    [Fact]
    public void Other_formats_are_refused_with_a_clear_message()
    {
        LogoFile.Check("image/jpeg", "logo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]).Refusal.ShouldBe(LogoFile.WrongType);
        LogoFile.Check("text/html", "logo.html", Encoding.UTF8.GetBytes("<svg/>")).Refusal.ShouldBe(LogoFile.WrongType);
    }

    [Fact]
    public void An_empty_or_oversized_file_is_refused()
    {
        LogoFile.Check("image/png", "logo.png", []).Refusal.ShouldBe(LogoFile.Missing);
        var big = Png().Concat(new byte[PortalSettings.LogoMaxBytes]).ToArray();
        LogoFile.Check("image/png", "logo.png", big).Refusal.ShouldBe(LogoFile.TooLarge);
    }

    [Fact]
    public void A_plain_svg_drawing_is_accepted()
    {
        var svg = Svg("""<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>""" +
            """<style>.a{fill:url(#g)}</style><rect class="a" width="10" height="10" fill="url(#g)"/><use xlink:href="#g"/>""" +
            """<image href="data:image/png;base64,iVBORw0KGgo="/>""");
        LogoFile.Check("image/svg+xml", "logo.svg", svg).ShouldBe(("image/svg+xml", null));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<SCRIPT>alert(1)</SCRIPT>")]
    [InlineData("<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>")]
    [InlineData("<rect onclick=\"alert(1)\" width=\"1\" height=\"1\"/>")]
    [InlineData("<rect ONLOAD=\"alert(1)\"/>")]
    [InlineData("<a href=\"javascript:alert(1)\"><rect/></a>")]
    [InlineData("<a xlink:href=\"https://evil.example\"><rect/></a>")]
    [InlineData("<image href=\"https://tracker.example/pixel.png\"/>")]
    [InlineData("<image href=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\"/>")]
    [InlineData("<use href=\"other.svg#x\"/>")]
    [InlineData("<style>@import url(https://evil.example/x.css);</style>")]
    [InlineData("<style>rect{fill:url(https://evil.example/x)}</style>")]
    [InlineData("<rect style=\"fill:url('https://evil.example/x')\"/>")]
    [InlineData("<iframe src=\"https://evil.example\"/>")]
    [InlineData("<embed src=\"x.swf\"/>")]
    [InlineData("<object data=\"x\"/>")]
    [InlineData("<set attributeName=\"href\" to=\"javascript:alert(1)\"/>")]
    [InlineData("<animate attributeName=\"xlink:href\" values=\"x\"/>")]
    public void An_svg_with_anything_active_is_refused(string inner) =>
        LogoFile.Check("image/svg+xml", "logo.svg", Svg(inner)).Refusal.ShouldBe(LogoFile.ActiveSvg);

    [Fact]
    public void An_svg_with_an_event_handler_on_the_root_is_refused() =>
        LogoFile.Check("image/svg+xml", "logo.svg", Svg("<rect/>", " onload=\"alert(1)\"")).Refusal.ShouldBe(LogoFile.ActiveSvg);

    [Fact]
    public void An_svg_with_a_stylesheet_instruction_is_refused() =>
        LogoFile.Check("image/svg+xml", "logo.svg",
            Encoding.UTF8.GetBytes("<?xml-stylesheet href=\"https://evil.example/x.css\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"))
            .Refusal.ShouldBe(LogoFile.ActiveSvg);

    [Fact]
    public void An_svg_with_a_document_type_or_entities_is_refused_without_resolving_them()
    {
        var billionLaughs = """<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>""" +
            """<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>""";
        LogoFile.Check("image/svg+xml", "logo.svg", Encoding.UTF8.GetBytes(billionLaughs)).Refusal.ShouldBe(LogoFile.BrokenSvg);
        var external = """<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>""" +
            """<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>""";
        LogoFile.Check("image/svg+xml", "logo.svg", Encoding.UTF8.GetBytes(external)).Refusal.ShouldBe(LogoFile.BrokenSvg);
    }

    [Fact]
    public void Broken_xml_or_another_root_is_refused_as_unreadable()
    {
        LogoFile.Check("image/svg+xml", "logo.svg", Encoding.UTF8.GetBytes("<svg><rect></svg>")).Refusal.ShouldBe(LogoFile.BrokenSvg);
        LogoFile.Check("image/svg+xml", "logo.svg", Encoding.UTF8.GetBytes("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>")).Refusal
            .ShouldBe(LogoFile.BrokenSvg);
    }

    [Fact]
    public void The_version_is_the_first_16_hex_digits_of_the_sha256_and_changes_with_the_content()
    {
        var version = LogoFile.Version(Png());
        version.Length.ShouldBe(16);
        version.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Png()))[..16]);
        LogoFile.Version(Png(121)).ShouldNotBe(version);
    }
}
