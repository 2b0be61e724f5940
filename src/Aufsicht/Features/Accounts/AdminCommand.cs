using System.Security.Cryptography;
using Aufsicht.Cli;
using Aufsicht.Data;
using Aufsicht.Web;
using Microsoft.AspNetCore.Identity;

namespace Aufsicht.Features.Accounts;

/// <summary>
/// <c>aufsicht admin create-user --email E [--role R] [--password-stdin]</c>: the first-run bootstrap of accounts
/// (and later ones), on the same database as the server. Without --password-stdin a strong password is generated
/// and shown once.
/// </summary>
internal static class AdminCommand
{
    public const string Usage = "aufsicht admin create-user --email ADDRESS [--role Administrator|Supervisor|Reader] [--password-stdin] [--data-dir DIR] [--database CONNECTION]";

    public const string ResetUsage = "aufsicht admin reset-password --email ADDRESS [--password-stdin] [--data-dir DIR] [--database CONNECTION]";

    /// <summary>
    /// <c>aufsicht admin reset-password --email E [--password-stdin]</c>: a new password for an account (generated and
    /// shown once unless read from standard input), to be replaced by the account's own at its next sign-in; its
    /// sessions end. The same use case as the administrators' page.
    /// </summary>
    public static async Task<int> ResetPasswordAsync(IEnumerable<string> args, CliContext context, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(context);
        var a = Arguments.Parse("admin reset-password", args, ["--email", "--data-dir", "--database"], ["--password-stdin"], context.Language);
        a.ExpectPositional(0, 0, ResetUsage);
        var email = a.Required("--email", ResetUsage);
        string? chosen = null;
        if (a.Flag("--password-stdin"))
        {
            using var reader = new StreamReader(context.OpenStdin());
            chosen = await reader.ReadLineAsync(cancel).ConfigureAwait(false) ?? string.Empty;
        }

        var options = ServerOptions.From(a);
        await using var provider = Services(options, context);
        await using var scope = provider.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AufsichtDb>(), options, cancel, context.Language).ConfigureAwait(false);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByEmailAsync(email).ConfigureAwait(false) is not { } user)
        {
            return CliFailures.Print([Core.Error.NotFound("--email", "cli.unknownAccount", email)], context, "admin reset-password");
        }

        var result = await scope.ServiceProvider.GetRequiredService<ResetPassword>().RunAsync(user, chosen).ConfigureAwait(false);
        if (!result.IsOk)
        {
            return CliFailures.Print(result.Errors, context, "admin reset-password");
        }

        context.Terminal.Writer.WriteLine(Texts.T(context.Language, "cli.resetDone", email, DatabaseSetup.Describe(options, context.Language)));
        if (chosen is null)
        {
            context.Terminal.Writer.WriteLine(Texts.T(context.Language, "cli.oneTimePassword", result.Value));
        }

        return ExitCode.Ok;
    }

    private static ServiceProvider Services(ServerOptions options, CliContext context)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(context.Clock);
        services.AddDbContext<AufsichtDb>(o => DatabaseSetup.Configure(o, options));
        services.AddDataProtection();
        services.AddAccounts();
        // Identity's messages in the language of --lang, not English for want of a request.
        services.AddSingleton(new IdentityLanguage(context.Language));
        return services.BuildServiceProvider();
    }

    public static async Task<int> CreateUserAsync(IEnumerable<string> args, CliContext context, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(context);
        var a = Arguments.Parse("admin create-user", args, ["--email", "--role", "--data-dir", "--database"], ["--password-stdin"], context.Language);
        a.ExpectPositional(0, 0, Usage);
        var email = a.Required("--email", Usage);
        var role = a.Choice("--role", Roles.Administrator, [.. Roles.All]);
        string password;
        var generated = false;
        if (a.Flag("--password-stdin"))
        {
            using var reader = new StreamReader(context.OpenStdin());
            password = await reader.ReadLineAsync(cancel).ConfigureAwait(false) ?? string.Empty;
        }
        else
        {
            password = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 24);
            generated = true;
        }

        var options = ServerOptions.From(a);
        await using var provider = Services(options, context);
        await using var scope = provider.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AufsichtDb>(), options, cancel, context.Language).ConfigureAwait(false);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        await AccountSetup.EnsureRolesAsync(scope.ServiceProvider, cancel).ConfigureAwait(false);

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            // Identity's descriptions are whole sentences in the language of --lang (IdentityLanguage).
            throw new InputException("admin create-user: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role).ConfigureAwait(false);
        context.Terminal.Writer.WriteLine(Texts.T(context.Language, "cli.created", email, Texts.T(context.Language, "role." + role), DatabaseSetup.Describe(options, context.Language)));
        if (generated)
        {
            context.Terminal.Writer.WriteLine(Texts.T(context.Language, "cli.generatedPassword", password));
        }

        return ExitCode.Ok;
    }
}
