using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Aufsicht.Features.Accounts;

/// <summary>
/// Refuses the passwords people choose most often (Resources/common-passwords.txt, shipped inside the executable),
/// also with digits or symbols appended or the word repeated (<c>password2024!</c>, <c>qwertyqwerty</c>), and a
/// password that is the account's own address or its name part.
/// </summary>
internal sealed class CommonPasswordValidator(IdentityErrorDescriber errors) : IPasswordValidator<IdentityUser>
{
    private static readonly FrozenSet<string> List = Load();

    public Task<IdentityResult> ValidateAsync(UserManager<IdentityUser> manager, IdentityUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(IsCommon(password, user.Email)
            ? IdentityResult.Failed(errors is LocalizedIdentityErrors localized ? localized.CommonPassword() : new IdentityError { Code = "CommonPassword", Description = "This password is too common." })
            : IdentityResult.Success);
    }

    /// <summary>Whether a password is one of the common ones, or one of them with a suffix of digits and symbols, or repeated, or the address.</summary>
    public static bool IsCommon(string? password, string? email = null)
    {
        if (string.IsNullOrEmpty(password))
        {
            return false;
        }

        var p = password.Trim().ToLowerInvariant();
        if (email is { Length: > 0 } && (string.Equals(p, email, StringComparison.OrdinalIgnoreCase) || (email.Split('@')[0] is { Length: >= 4 } local && string.Equals(p.TrimEnd(Suffix), local, StringComparison.OrdinalIgnoreCase))))
        {
            return true;
        }

        var stem = p.TrimEnd(Suffix);
        if (List.Contains(p) || (stem.Length >= 4 && List.Contains(stem)))
        {
            return true;
        }

        // A word written twice or more: qwertyqwerty, passwortpasswort.
        for (var length = 4; length <= stem.Length / 2; length++)
        {
            if (stem.Length % length == 0 && List.Contains(stem[..length]) && string.Concat(Enumerable.Repeat(stem[..length], stem.Length / length)) == stem)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly char[] Suffix = "0123456789!?.,-_#+*@$%&/ ".ToCharArray();

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Aufsicht.Features.Accounts.Resources.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the executable.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
