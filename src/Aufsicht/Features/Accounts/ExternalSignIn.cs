using Aufsicht.Web;
using Microsoft.AspNetCore.Identity;

namespace Aufsicht.Features.Accounts;

/// <summary>The authority's identity provider, when it has one (OpenID Connect, authorization code flow with PKCE).</summary>
internal sealed record OidcOptions(string Authority, string ClientId, string? ClientSecret, string DisplayName, bool RequireHttps)
{
    public const string Scheme = "oidc";

    /// <summary>Reads <c>Aufsicht:Oidc:*</c>; null when no authority is configured. Half a configuration is an error naming what is missing.</summary>
    public static OidcOptions? From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Aufsicht:Oidc");
        var authority = section["Authority"];
        var clientId = section["ClientId"];
        if (string.IsNullOrWhiteSpace(authority) && string.IsNullOrWhiteSpace(clientId))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(authority) || !Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new SettingException("Aufsicht:Oidc:Authority: expected the identity provider's address (https://…)");
        }

        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new SettingException("Aufsicht:Oidc:ClientId: required when Aufsicht:Oidc:Authority is set");
        }

        var requireHttps = section.GetValue("RequireHttps", defaultValue: true);
        if (requireHttps && uri.Scheme != "https")
        {
            throw new SettingException("Aufsicht:Oidc:Authority: must use https (set Aufsicht:Oidc:RequireHttps=false only for a provider on this machine)");
        }

        return new OidcOptions(authority, clientId, section["ClientSecret"], section["DisplayName"] ?? "Single Sign-On", requireHttps);
    }
}

internal static class ExternalSignIn
{
    public static void AddExternalSignIn(this IServiceCollection services, OidcOptions? oidc)
    {
        if (oidc is null)
        {
            return;
        }

        services.AddSingleton(oidc);
        services.AddAuthentication().AddOpenIdConnect(OidcOptions.Scheme, oidc.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.RequireHttpsMetadata = oidc.RequireHttps;
            o.ResponseType = "code";

            // The code comes back in the query of a redirect, not in a self-submitting form: no JavaScript needed.
            o.ResponseMode = "query";
            o.UsePkce = true;
            o.CallbackPath = "/signin-oidc";
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("email");
            o.Scope.Add("profile");
            o.GetClaimsFromUserInfoEndpoint = false;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            // Secure on HTTPS (production); also usable on plain http on the server itself.
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // A failed round trip (cancelled, refused, expired) is a message on the sign-in page, not an error page.
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect(context.HttpContext.RequestServices.GetRequiredService<LinkGenerator>().GetPathByPage(context.HttpContext, "/Accounts/Pages/External")!);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}
