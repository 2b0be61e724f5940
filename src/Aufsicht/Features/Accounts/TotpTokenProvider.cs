using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Aufsicht.Features.Accounts;

/// <summary>
/// The authenticator app's six-digit code (RFC 6238: HMAC-SHA1, 30-second steps), accepted once only: Identity's own
/// provider accepts the same code again for as long as it is valid, so a code seen over a shoulder or in a proxy log
/// could sign in a second time. This one remembers the last accepted step per user (in Identity's token table) and
/// refuses a code of that step or an earlier one. Time comes from the injected clock.
/// </summary>
internal sealed class TotpTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<IdentityUser>
{
    public const string Name = "AufsichtTotp";

    private const string Store = "Aufsicht";
    private const string LastStep = "TotpLastStep";

    public Task<string> GenerateAsync(string purpose, UserManager<IdentityUser> manager, IdentityUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<IdentityUser> manager, IdentityUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user).ConfigureAwait(false));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<IdentityUser> manager, IdentityUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(key) || TotpCode.Base32(key) is not { Length: > 0 } keyBytes)
        {
            return false;
        }

        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStep).ConfigureAwait(false), out var l) ? l : (long?)null;
        if (TotpCode.Match(keyBytes, token, TotpCode.Step(clock.GetUtcNow()), last) is not { } step)
        {
            return false;
        }

        // Saved with the user's concurrency stamp: of two requests racing with the same code, the second fails here.
        var saved = await manager.SetAuthenticationTokenAsync(user, Store, LastStep, step.ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
        return saved.Succeeded;
    }

    /// <summary>Forgets the last step (with a new key the count starts again).</summary>
    public static Task<IdentityResult> ForgetAsync(UserManager<IdentityUser> manager, IdentityUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return manager.RemoveAuthenticationTokenAsync(user, Store, LastStep);
    }
}

/// <summary>RFC 6238 arithmetic, pure: which step a code belongs to, given the time step now and the last one accepted.</summary>
internal static class TotpCode
{
    /// <summary>How many steps either side of now a code may be (clock drift between phone and server): ±1 step, ±30 s.</summary>
    public const int Drift = 1;

    public static long Step(DateTimeOffset now) => now.ToUnixTimeSeconds() / 30;

    /// <summary>
    /// The step whose code <paramref name="code"/> is, within <see cref="Drift"/> of <paramref name="now"/> and later
    /// than <paramref name="lastAccepted"/>; null when there is none (wrong, too old, or already used).
    /// </summary>
    public static long? Match(byte[] key, string? code, long now, long? lastAccepted)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        for (var step = now - Drift; step <= now + Drift; step++)
        {
            if ((lastAccepted is null || step > lastAccepted) && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(key, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return step;
            }
        }

        return null;
    }

    public static string Code(byte[] key, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // TOTP is defined over HMAC-SHA1 (RFC 6238), which every authenticator app computes.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Base32 (RFC 4648) as Identity stores authenticator keys; empty for a character outside the alphabet.</summary>
    public static byte[] Base32(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var index = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (index < 0)
            {
                return [];
            }

            buffer = (buffer << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
