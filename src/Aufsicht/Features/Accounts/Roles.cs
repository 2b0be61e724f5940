using Aufsicht.Data;
using Microsoft.AspNetCore.Identity;

namespace Aufsicht.Features.Accounts;

/// <summary>The staff roles of DESIGN.md §2 that have accounts (respondents never do).</summary>
internal static class Roles
{
    public const string Administrator = "Administrator";
    public const string Supervisor = "Supervisor";
    public const string Reader = "Reader";

    public static readonly IReadOnlyList<string> All = [Administrator, Supervisor, Reader];

    /// <summary>The roles as a form offers them: the least privilege first, so it is the default.</summary>
    public static readonly IReadOnlyList<string> LeastFirst = [Reader, Supervisor, Administrator];

    /// <summary>A role's name for people (Lesezugriff, Sachbearbeitung, Administration); the key itself never reaches a page.</summary>
    public static string Label(string role, Core.Law.Language language) => Texts.Has("role." + role) ? Texts.T(language, "role." + role) : role;

    /// <summary>Policy names: who may do what. Pages and endpoints name one of these, or allow anonymous access.</summary>
    public const string CanEditCatalogue = "can-edit-catalogue";
    public const string CanAdminister = "can-administer";
    public const string CanRunSurveys = "can-run-surveys";

    /// <summary>Open cases, take their steps, decide measures and send letters: the case handlers (and administrators).</summary>
    public const string CanHandleCases = "can-handle-cases";

    /// <summary>Keep the migration inventory and plans (edit, import, compute, record progress); readers only look.</summary>
    public const string CanPlanMigration = "can-plan-migration";
    public const string Staff = "staff";
}

/// <summary>Accounts: ASP.NET Core Identity on the app's database, with lockout and strong password rules.</summary>
internal static class AccountSetup
{
    /// <summary>Creates the roles that do not exist yet.</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services, CancellationToken cancel)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var name in Roles.All)
        {
            // RoleManager takes no token; stop between roles at least.
            cancel.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(name).ConfigureAwait(false))
            {
                await roles.CreateAsync(new IdentityRole(name)).ConfigureAwait(false);
            }
        }
    }

    public static void AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<IdentityUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AufsichtDb>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<TotpTokenProvider>(TotpTokenProvider.Name)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        services.Configure<IdentityOptions>(o => o.Tokens.AuthenticatorTokenProvider = TotpTokenProvider.Name);
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<ChangeOwnPassword>();
        services.AddScoped<RenewCalendarFeed>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<ChangeRole>();
        services.AddScoped<DeactivateAccount>();
        services.AddScoped<ReactivateAccount>();
        services.AddScoped<DeleteAccount>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new MustChangePasswordFilter()));
        services.AddHttpContextAccessor();
        // The roles in a session are refreshed within a minute; the security stamp itself is checked on every request (SessionCheck).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "aufsicht-auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/anmelden";
            o.LogoutPath = "/abmelden";
            o.AccessDeniedPath = "/fehler";
            o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            o.Events.OnRedirectToAccessDenied = c =>
            {
                c.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToLogin = c =>
            {
                // The API answers 401; pages send the browser to the login page.
                if (c.Request.Path.StartsWithSegments("/api"))
                {
                    c.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    c.Response.Redirect(c.RedirectUri);
                }

                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Staff, p => p.RequireRole(Roles.All))
            .AddPolicy(Roles.CanEditCatalogue, p => p.RequireRole(Roles.Administrator, Roles.Supervisor))
            .AddPolicy(Roles.CanAdminister, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Roles.CanRunSurveys, p => p.RequireRole(Roles.Administrator, Roles.Supervisor))
            .AddPolicy(Roles.CanHandleCases, p => p.RequireRole(Roles.Administrator, Roles.Supervisor))
            .AddPolicy(Roles.CanPlanMigration, p => p.RequireRole(Roles.Administrator, Roles.Supervisor));
    }
}
