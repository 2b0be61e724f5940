using Aufsicht.Cli;
using Aufsicht.Core.DataFiles;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Campaigns;
using Aufsicht.Features.Cases;
using Aufsicht.Features.Catalog;
using Aufsicht.Features.Deadlines;
using Aufsicht.Features.Evaluation;
using Aufsicht.Features.Fines;
using Aufsicht.Features.Mail;
using Aufsicht.Features.Measures;
using Aufsicht.Features.Questionnaires;
using Aufsicht.Features.Responses;
using Aufsicht.Features.Scheduling;
using Microsoft.AspNetCore.DataProtection;

namespace Aufsicht.Web;

/// <summary>
/// The web application (`aufsicht` or `aufsicht serve`): Razor Pages and the JSON API over the same handlers, on
/// http://127.0.0.1:5080 unless --urls says otherwise.
/// </summary>
internal static class WebApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The name of the endpoint that serves the OpenAPI document, for links (<c>Url.RouteUrl</c>).</summary>
    public const string OpenApiDocument = "OpenApiDocument";

    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--data-dir"] = "Aufsicht:DataDir",
        ["--database"] = "Aufsicht:Database",
        ["--catalog"] = "Aufsicht:Catalog",
    };

    public static int Run(string[] args)
    {
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (SettingException e)
        {
            Console.Error.WriteLine("aufsicht: " + e.Message);
            return ExitCode.InvalidInput;
        }

        var where = app.Configuration["urls"] ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrl;
        try
        {
            app.Run();
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            // E.g. the port is taken: one sentence, not the host's stack trace.
            Console.Error.WriteLine($"aufsicht: cannot serve on {where}: {(e.InnerException ?? e).Message}");
            return ExitCode.InvalidInput;
        }

        return ExitCode.Ok;
    }

    /// <summary>
    /// Host filtering (ASP.NET Core's AllowedHosts) when no AllowedHosts is configured: the hosts of Aufsicht:PublicUrl
    /// and of the addresses the server listens on, and the loopback names — a request for any other host is refused
    /// (400). Only when those are all the names it can be reached by: listening on a wildcard (0.0.0.0, *), or behind a
    /// proxy without a public address, the server cannot know its names, and every host stays allowed (links still never
    /// take a request's Host that is not listed, <see cref="PublicAddress"/>).
    /// </summary>
    private static void DefaultAllowedHosts(ConfigurationManager configuration, IReadOnlyList<Uri> listening, bool behindProxy)
    {
        if (configuration["AllowedHosts"] is { Length: > 0 })
        {
            return;
        }

        Uri? publicUrl = null;
        if (configuration[PublicAddress.Setting] is { Length: > 0 } configured && !Uri.TryCreate(configured, UriKind.Absolute, out publicUrl))
        {
            throw new SettingException($"{PublicAddress.Setting}: '{configured}' is not an absolute address such as https://aufsicht.behoerde.example");
        }

        var wildcard = listening.Any(u => u.Host is "0.0.0.0" or "[::]" or "::");
        if (wildcard || (behindProxy && publicUrl is null))
        {
            return;
        }

        var hosts = listening.Select(u => u.Host).Append("localhost").Append("127.0.0.1").Append("[::1]");
        if (publicUrl is not null)
        {
            hosts = hosts.Append(publicUrl.Host);
        }

        configuration["AllowedHosts"] = string.Join(';', hosts.Distinct(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Builds the configured application; invalid configuration is a <see cref="SettingException"/> naming the setting.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = args is ["serve", ..] ? args[1..] : args;
        // The application name is this assembly, also when a test host starts it: Razor Pages are discovered from it.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = rest,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
        });
        builder.Configuration.AddCommandLine(rest, Switches);
        var urls = builder.Configuration["urls"] ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        if (urls is null)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var listening = new List<Uri>();
        foreach (var url in (urls ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https"))
            {
                throw new SettingException($"--urls: '{url}' is not an address to listen on, such as {DefaultUrl}");
            }

            listening.Add(uri);
        }

        var options = ServerOptions.From(builder.Configuration);
        var proxies = Proxies.From(builder.Configuration);
        DefaultAllowedHosts(builder.Configuration, listening, proxies.Count > 0);
        var keyCertificate = KeyProtection.Certificate(builder.Configuration);
        var data = OwnAuthority(DataFolder.Load(DataFolder.Locate(options.Catalog)), builder.Configuration);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(DeadlineRules.Load(DataFolder.Locate(options.Catalog)));
#pragma warning disable RS0030 // The composition root: the one place the web app names the system clock.
        builder.Services.AddSingleton(TimeProvider.System);
#pragma warning restore RS0030
        builder.Services.AddDbContextPool<AufsichtDb>(o => DatabaseSetup.Configure(o, options));
        builder.Services.AddSingleton(sp => new CatalogStore(data, sp.GetRequiredService<IServiceScopeFactory>()));
        // The enforcement rules per jurisdiction: read once at start, like the catalogue; fines and measures read them.
        builder.Services.AddSingleton(DataFolder.Jurisdictions(DataFolder.Locate(options.Catalog)));
        // The measure recommender: its rules read once at start; the criteria are the shipped ones the catalogue uses.
        builder.Services.AddSingleton(sp => new Core.Measures.MeasureRecommender(
            DataFolder.MeasureRules(DataFolder.Locate(options.Catalog)), data.Criteria, sp.GetRequiredService<Core.Enforcement.JurisdictionTable>()));
        // The fine calculator: the methods' tables and the jurisdictions, both read once at start.
        builder.Services.AddSingleton(DataFolder.FineMethods(DataFolder.Locate(options.Catalog)));
        builder.Services.AddSingleton(sp => new Core.Fines.FineCalculator(sp.GetRequiredService<Core.Fines.FineMethodTable>(), sp.GetRequiredService<Core.Enforcement.JurisdictionTable>()));
        // Case files: the file-number pattern is checked at start; one use case per action.
        builder.Services.AddSingleton(Features.Cases.CaseSettings.From(builder.Configuration));
        builder.Services.AddScoped<Features.Cases.OpenCases>();
        builder.Services.AddScoped<Features.Cases.ChangeCase>();
        builder.Services.AddScoped<Features.Cases.EditCase>();
        // Letters: the shipped templates read once each; the authority's own templates and letterhead from the database.
        builder.Services.AddSingleton(new Features.Letters.LetterDefaults(DataFolder.Locate(options.Catalog)));
        builder.Services.AddScoped<Features.Letters.LetterSources>();
        builder.Services.AddScoped<Features.Letters.LetterPreview>();
        builder.Services.AddScoped<Features.Letters.SaveLetterTemplate>();
        builder.Services.AddScoped<Features.Letters.ResetLetterTemplate>();
        builder.Services.AddScoped<Features.Letters.SaveLetterhead>();
        builder.Services.AddHostedService<CatalogRefresher>();
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            // The respondent portal is anonymous as a folder: the invitation link is the key (DESIGN.md §6).
            o.Conventions.AllowAnonymousToFolder("/Responses/Pages");
        });

        // German text as text: umlauts and „quotes“ stay characters instead of &#xFC; (markup is still encoded).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddAccounts();
        builder.Services.AddMail(builder.Configuration);
        builder.Services.AddExternalSignIn(OidcOptions.From(builder.Configuration));
        builder.Services.AddScoped<EditFact>();
        builder.Services.AddQuestionnaires();
        builder.Services.AddEvaluation();
        builder.Services.AddResponses();
        builder.Services.AddCampaigns();
        builder.Services.AddCases(builder.Configuration);
        builder.Services.AddScoped<Features.Bodies.ImportBodies>();
        builder.Services.AddScoped<Features.Bodies.EditBody>();
        builder.Services.AddScoped<Features.Inventory.InventoryStore>();
        builder.Services.AddScoped<Features.Inventory.ImportInventory>();
        builder.Services.AddScoped<Features.Inventory.FillFromSurvey>();
        builder.Services.AddSingleton(Features.Plans.MigrationData.Load(DataFolder.Locate(options.Catalog)));
        builder.Services.AddScoped<Features.Plans.PlanStore>();
        builder.Services.AddScoped<Features.Plans.PlanCompute>();
        builder.Services.AddSingleton<Features.Plans.PlanComputeSignal>();
        builder.Services.AddSingleton<Features.Plans.PlanComputeWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Features.Plans.PlanComputeWorker>());
        builder.Services.AddScoped<Features.Plans.PlanProgress>();
        builder.Services.AddScoped<Features.Plans.PlanReader>();
        builder.Services.AddScoped<Features.Plans.PlanProgressReader>();
        builder.Services.AddScoped<Features.Plans.PlanPackages>();
        builder.Services.AddScoped<Features.Plans.PlanIncidents>();
        builder.Services.AddScoped<Features.Plans.PlanDecisions>();
        builder.Services.AddScoped<Features.Plans.PlanInvolvements>();
        builder.Services.AddSingleton<HealthCheck>();
        builder.Services.AddSingleton(Features.Shared.LocalDates.From(builder.Configuration));
        builder.Services.AddOutputCache(o => o.AddPolicy(CataloguePages.CachePolicy, CataloguePages.Cache));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Aufsicht API";
            document.Info.Description = "Catalogue of services and GDPR assessments (DESIGN.md §5).";
            return Task.CompletedTask;
        }));
        // Keys for antiforgery and cookies live in the database: instances sharing one PostgreSQL share sessions.
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("aufsicht")
            .PersistKeysToDbContext<AufsichtDb>();
        KeyProtection.Configure(dataProtection, builder.Logging, keyCertificate);
        KeyRing.Register(builder.Services);
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "aufsicht-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure over https (directly or through a trusted proxy), so the token never travels in clear text there.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddSingleton<PublicAddress>();
        configure?.Invoke(builder);

        var app = builder.Build();

        // Schema first, then the shipped catalogue (edits made in the app are kept), before the first request.
        // Start-up runs once on the main thread before the server listens, so it may use the database synchronously,
        // and it may block on the asynchronous use cases: no request is waiting for a thread yet.
        using (SynchronousAccessGuard.Allow())
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
            DatabaseSetup.MigrateAsync(db, options, CancellationToken.None).GetAwaiter().GetResult();
            AccountSetup.EnsureRolesAsync(scope.ServiceProvider, CancellationToken.None).GetAwaiter().GetResult();
            var shipped = DataFolder.Files(DataFolder.Locate(options.Catalog));
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var report = CatalogImport.RunAsync(db, shipped, now, CancellationToken.None).GetAwaiter().GetResult();
            ImportQuestionnaire.ShippedAsync(db, shipped, now, CancellationToken.None).GetAwaiter().GetResult();
            // The first request finds the catalogue loaded; from here on the CatalogRefresher keeps it current.
            app.Services.GetRequiredService<CatalogStore>().ReloadAsync(CancellationToken.None).GetAwaiter().GetResult();
            var database = DatabaseSetup.Describe(options);
            Log.CatalogImported(app.Logger, database, report.Inserted, report.Updated, report.Unchanged, report.Conflicts);
            if (keyCertificate is null)
            {
                Log.KeysUnencrypted(app.Logger, database);
            }
        }

        if (string.IsNullOrWhiteSpace(app.Configuration[PublicAddress.Setting]))
        {
            Log.PublicUrlMissing(app.Logger, string.Join(", ", listening));
        }

        // First, so everything after sees the client's address and scheme rather than the proxy's.
        app.UseTrustedProxies(proxies);
        app.UseHttpsWhereServed(proxies.Count > 0, listening.FirstOrDefault(u => u.Scheme == "https")?.Port);

        // API errors are ProblemDetails; page errors get the error page — never a stack trace.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler("/fehler");
            pages.UseStatusCodePagesWithReExecute("/fehler", "?code={0}");
        });
        // Routing after the error handlers, so a re-executed error page finds its endpoint.
        app.UseRouting();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<UiLanguageMiddleware>();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        if (builder.Configuration.GetValue("Aufsicht:OutputCache", defaultValue: true))
        {
            app.UseOutputCache();
        }
        app.MapRazorPages();
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous().WithName(OpenApiDocument);
        // Each group adds its endpoints where it is mapped: this order is the order of the OpenAPI document's paths.
        app.MapResponsesApi();
        app.MapCatalogApi();
        app.MapMeasuresApi();
        app.MapFinesApi();
        app.MapPlansApi();
        app.MapCampaignsApi();
        app.MapDeadlinesApi();
        app.MapCalendarFeed();
        app.MapCasesAnnualReport();
        Features.Plans.PlanTimeline.MapPlanTimeline(app);
        app.MapGet("/healthz", (HealthCheck health, CancellationToken cancel) => health.Handle(cancel)).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/sprache", UiLanguageMiddleware.Switch).ExcludeFromDescription().AllowAnonymous().WithName(UiLanguageMiddleware.SwitchRoute);

        // Anything else is "not found" for everyone, not "please sign in" (the fallback policy would ask for that).
        app.MapFallback(() => Results.NotFound()).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The installation's own authority (<c>Aufsicht:Authority</c>, e.g. lfdi-mv) as the default view of the catalogue
    /// and of new campaigns; without the setting, the default of the shipped authorities file.
    /// </summary>
    internal static LegalData OwnAuthority(LegalData data, IConfiguration configuration)
    {
        var own = configuration["Aufsicht:Authority"]?.Trim();
        if (string.IsNullOrEmpty(own))
        {
            return data;
        }

        return data.Catalog.FindAuthority(own) is null
            ? throw new SettingException($"Aufsicht:Authority: '{own}' is not one of the authorities ({string.Join(", ", data.Catalog.Authorities.Select(a => a.Id))})")
            : data with { Catalog = data.Catalog.WithDefaultAuthority(own) };
    }
}

/// <summary>The server's settings, validated once at start.</summary>
internal sealed record ServerOptions(string DataDir, string? Database, string? Catalog)
{
    /// <summary>Whether every synchronous database command fails (<see cref="SynchronousAccessGuard"/>); the tests set Aufsicht:ForbidSynchronousDatabase.</summary>
    public bool ForbidSynchronousDatabase { get; init; }

    public static ServerOptions From(IConfiguration configuration)
    {
        var dataDir = configuration["Aufsicht:DataDir"] ?? "aufsicht-data";
        var database = configuration["Aufsicht:Database"] ?? Environment.GetEnvironmentVariable("AUFSICHT_DATABASE");
        var catalog = configuration["Aufsicht:Catalog"];
        if (string.IsNullOrWhiteSpace(dataDir))
        {
            throw new SettingException("--data-dir: must name a folder");
        }

        return new ServerOptions(Path.GetFullPath(dataDir), string.IsNullOrWhiteSpace(database) ? null : database, catalog)
        {
            ForbidSynchronousDatabase = configuration.GetValue("Aufsicht:ForbidSynchronousDatabase", defaultValue: false),
        };
    }

    /// <summary>The same settings for the operations commands (db migrate, admin, backup): --data-dir and --database / AUFSICHT_DATABASE.</summary>
    public static ServerOptions From(Arguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var database = args.Option("--database") ?? Environment.GetEnvironmentVariable("AUFSICHT_DATABASE");
        var dataDir = args.Option("--data-dir") ?? "aufsicht-data";
        if (string.IsNullOrWhiteSpace(dataDir))
        {
            throw new SettingException(Features.Texts.T(args.Language, "cli.dataDir.empty"));
        }

        return new ServerOptions(Path.GetFullPath(dataDir), string.IsNullOrWhiteSpace(database) ? null : database, null);
    }
}
