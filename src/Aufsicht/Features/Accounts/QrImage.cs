using QRCoder;

namespace Aufsicht.Features.Accounts;

/// <summary>A QR code drawn on the server (QRCoder) as a PNG data: address: the CSP allows data: images, and no third-party host sees the secret.</summary>
internal static class QrImage
{
    public static string DataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
