using System.Buffers.Binary;
using Aufsicht.Core;

namespace Aufsicht.Features.Letters;

/// <summary>
/// The letterhead's logo: a PNG of at most <see cref="MaxBytes"/>, checked before it is stored, because every letter
/// of the authority draws it and a file that merely calls itself PNG would break them all. The check reads the file's
/// structure (signature, the IHDR header first, every chunk's length and CRC, IEND last) and the decoded size the
/// header promises, so a small file cannot claim a picture that takes gigabytes to decode.
/// </summary>
internal static class PngLogo
{
    public const string Field = "logo";

    public const int MaxBytes = 200 * 1024;

    /// <summary>Wider or taller than this is no logo; 2,000 px at 300 dpi are 17 cm, more than a letter's width.</summary>
    public const int MaxSide = 2000;

    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static Result<byte[]> Check(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length > MaxBytes)
        {
            return Error.TooLarge(Field, "letters.logo.tooLarge", (MaxBytes / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (png.Length < Signature.Length + 25 || !png.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            return Error.Invalid(Field, "letters.logo.notPng");
        }

        var position = Signature.Length;
        var first = true;
        var ended = false;
        while (position < png.Length && !ended)
        {
            if (png.Length - position < 12)
            {
                return Error.Invalid(Field, "letters.logo.broken");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position, 4));
            if (length > (uint)(png.Length - position - 12))
            {
                return Error.Invalid(Field, "letters.logo.broken");
            }

            var typeAndData = png.AsSpan(position + 4, 4 + (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position + 8 + (int)length, 4));
            if (Crc(typeAndData) != crc)
            {
                return Error.Invalid(Field, "letters.logo.broken");
            }

            var type = System.Text.Encoding.ASCII.GetString(typeAndData[..4]);
            if (first)
            {
                if (type != "IHDR" || length != 13)
                {
                    return Error.Invalid(Field, "letters.logo.broken");
                }

                var width = BinaryPrimitives.ReadUInt32BigEndian(typeAndData.Slice(4, 4));
                var height = BinaryPrimitives.ReadUInt32BigEndian(typeAndData.Slice(8, 4));
                if (width == 0 || height == 0 || width > MaxSide || height > MaxSide)
                {
                    return Error.Invalid(Field, "letters.logo.size", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        height.ToString(System.Globalization.CultureInfo.InvariantCulture), MaxSide.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                first = false;
            }

            ended = type == "IEND";
            position += 12 + (int)length;
        }

        return ended ? Result<byte[]>.Ok(png) : Error.Invalid(Field, "letters.logo.broken");
    }

    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    })];

    /// <summary>The CRC-32 of PNG (ISO 3309, as in the PNG specification's annex D).</summary>
    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFFu;
    }
}
