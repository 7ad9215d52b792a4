using QRCoder;

namespace Portal.Web.Infrastructure.Presentation;

/// <summary>
/// A QR code as a PNG data URI for an &lt;img&gt;: the CSP allows data: images, while QRCoder's SVG output
/// carries inline style attributes that the CSP would block.
/// </summary>
public static class QrCodeImage
{
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return "data:image/png;base64," + Convert.ToBase64String(png.GetGraphic(pixelsPerModule: 6));
    }
}
