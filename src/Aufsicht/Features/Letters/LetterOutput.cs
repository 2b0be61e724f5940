using System.Security.Cryptography;
using Aufsicht.Documents.Letters;

namespace Aufsicht.Features.Letters;

/// <summary>
/// The letters' output for the case side: <see cref="LetterTemplates.Check"/> and <see cref="LetterTemplates.Render"/>
/// make the document, these write it and fingerprint the bytes that are filed.
/// </summary>
internal static class LetterOutput
{
    public const string OdtMediaType = "application/vnd.oasis.opendocument.text";
    public const string PdfMediaType = "application/pdf";

    public static byte[] ToOdt(LetterDocument letter)
    {
        using var output = new MemoryStream();
        LetterOdtWriter.Write(letter, output);
        return output.ToArray();
    }

    public static byte[] ToPdf(LetterDocument letter)
    {
        using var output = new MemoryStream();
        LetterPdfWriter.Write(letter, output);
        return output.ToArray();
    }

    /// <summary>The SHA-256 of a filed document as 64 lower-case hex digits: what the case file records to prove it unchanged.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The file name for a download: <c>hearing-LfDI-2026-0042.pdf</c>, with characters a file system refuses replaced.</summary>
    public static string FileName(LetterKind kind, string fileNumber, string extension)
    {
        ArgumentNullException.ThrowIfNull(fileNumber);
        var safe = new string([.. fileNumber.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]).Trim('-');
        return $"{kind.WireName()}-{safe}.{extension}";
    }
}
