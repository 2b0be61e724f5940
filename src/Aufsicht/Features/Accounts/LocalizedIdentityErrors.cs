using Aufsicht.Core.Law;
using Aufsicht.Web;
using Microsoft.AspNetCore.Identity;

namespace Aufsicht.Features.Accounts;

/// <summary>
/// Identity's messages (password rules, duplicate address …) in the user's language: the request's, or the CLI's
/// <c>--lang</c> (<see cref="IdentityLanguage"/>); English outside both.
/// </summary>
internal sealed class LocalizedIdentityErrors(IHttpContextAccessor http, IdentityLanguage? fixedLanguage = null) : IdentityErrorDescriber
{
    private bool German => fixedLanguage is { } l ? l.Value == Language.De : http.HttpContext is { } context && UiLanguageMiddleware.Of(context) == Language.De;

    private IdentityError Error(string code, string de, string en) => new() { Code = code, Description = German ? de : en };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Das hat nicht geklappt.", "That did not work.");

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), $"Es gibt schon ein Konto mit der E-Mail-Adresse {email}.", $"There is already an account with the e-mail address {email}.");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), $"Es gibt schon ein Konto mit dem Namen {userName}.", $"There is already an account named {userName}.");

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), $"„{email}“ ist keine gültige E-Mail-Adresse.", $"\"{email}\" is not a valid e-mail address.");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), $"„{userName}“ ist als Kontoname nicht zulässig.", $"\"{userName}\" is not allowed as an account name.");

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"Das Passwort muss mindestens {length} Zeichen lang sein.", $"The password must be at least {length} characters long.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"Das Passwort muss mindestens {uniqueChars} verschiedene Zeichen enthalten.", $"The password must contain at least {uniqueChars} different characters.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Das Passwort ist falsch.", "The password is wrong.");

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), "Das Konto wurde gleichzeitig anderswo geändert; bitte erneut versuchen.", "The account was changed elsewhere at the same time; please try again.");

    public override IdentityError LoginAlreadyAssociated() =>
        Error(nameof(LoginAlreadyAssociated), "Diese Identität ist schon mit einem anderen Konto verbunden.", "This identity is already linked to another account.");

    public override IdentityError UserAlreadyInRole(string role) =>
        Error(nameof(UserAlreadyInRole), $"Das Konto hat die Rolle {role} schon.", $"The account already has the role {role}.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Der Code ist ungültig oder abgelaufen.", "The code is invalid or has expired.");

    public IdentityError CommonPassword() =>
        Error("CommonPassword", "Dieses Passwort gehört zu den am häufigsten verwendeten und ist leicht zu erraten. Bitte wählen Sie ein anderes, z. B. einen Satz aus mehreren Wörtern.",
            "This password is among the most commonly used and easy to guess. Please choose another, e.g. a sentence of several words.");
}

/// <summary>The language of Identity's messages where there is no request: the CLI registers its <c>--lang</c>.</summary>
internal sealed record IdentityLanguage(Language Value);
