using System.Security.Cryptography;

namespace Aufsicht.Features.Campaigns;

/// <summary>
/// Invitation tokens: 256 random bits in URL-safe Base64. Only their SHA-256 is stored, so a copy of the database
/// opens no questionnaire.
/// </summary>
internal static class Tokens
{
    public static (string Token, string Hash) New()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token)));

    /// <summary>Whether a text can be a token at all (43 URL-safe characters), checked before any database lookup.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
