using System.Globalization;
using System.Security.Cryptography;
using Aufsicht.Cli;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Questionnaires;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Catalog;
using Aufsicht.Features.Evaluation;
using Aufsicht.Features.Questionnaires;
using Aufsicht.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Campaigns;

/// <summary>
/// <c>aufsicht demo</c>: fills a database with fictional bodies and a running campaign on video conferencing, most
/// bodies having answered over the last ten days, all evaluated — so a newcomer sees a full dashboard at once. It also
/// creates a supervisor account and prints how to sign in. The same data at scale serve the benchmarks. The scenario
/// <c>mv</c> (default) adds the migration inventory of those bodies; <c>sh</c> seeds instead a Schleswig-Holstein-like
/// Land for the migration planner, without a campaign (<see cref="DemoMigration"/>, docs/migration-demo.md).
/// </summary>
internal static class DemoCommand
{
    public const string Usage = "aufsicht demo [--scenario mv|sh] [--bodies N] [--data-dir DIR] [--database CONNECTION] [--tokens FILE]";

    private static readonly string[] Prefixes = ["Alt", "Neu", "Ober", "Nieder", "Groß", "Klein", "Wester", "Oster", "Mittel", "Hohen"];
    private static readonly string[] Suffixes = ["brück", "hagen", "feld", "dorf", "au", "wald", "see", "tal", "hausen", "kirchen", "mühl", "stedt"];
    private static readonly string[] Regions = ["Landkreis Seenplatte-Nord", "Landkreis Boddenland", "Landkreis Heidemark", "Kreisfreie Stadt Hafenstadt", "Landkreis Uckerwiesen", "Landkreis Küstenvorland"];

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext context, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(context);
        var a = Arguments.Parse("demo", args, ["--scenario", "--bodies", "--data-dir", "--database", "--tokens"], [], context.Language);
        a.ExpectPositional(0, 0, Usage);
        var scenario = a.Choice("--scenario", "mv", "mv", "sh");
        if (scenario == "sh" && (a.Option("--bodies") ?? a.Option("--tokens")) is not null)
        {
            throw new InputException(Texts.T(context.Language, "demo.invalid.stateOptions"));
        }

        var count = a.Option("--bodies") is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 200_000 ? n
                : throw new InputException(Texts.T(context.Language, "demo.invalid.bodies", text))
            : 300;
        // The app's start-up warnings (no public address for links) are for a server, not for this one-off seeding.
        string[] serverArgs = [.. Pass(a, "--data-dir"), .. Pass(a, "--database")];
        string[] appArgs = ["--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:aufsicht=Error", .. serverArgs];
        var app = WebApp.Build(appArgs);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
        if (await db.Campaigns.AnyAsync(cancel).ConfigureAwait(false) || await db.Bodies.AnyAsync(cancel).ConfigureAwait(false))
        {
            throw new InputException(Texts.T(context.Language, "demo.notEmpty"));
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        (long CampaignId, int Answered) seeded = (0, 0);
        if (scenario == "sh")
        {
            count = await DemoMigration.SeedStateAsync(db, now, cancel).ConfigureAwait(false);
        }
        else
        {
            seeded = await SeedAsync(scope.ServiceProvider, count, now, a.Option("--tokens"), cancel).ConfigureAwait(false);
            await DemoMigration.SeedMvAsync(scope.ServiceProvider, seeded.CampaignId, now, cancel).ConfigureAwait(false);
        }

        var password = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 20);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        const string email = "demo@aufsicht.example";
        var user = await users.FindByEmailAsync(email).ConfigureAwait(false) ?? new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        if (user.Id is { Length: > 0 } && await users.Users.AnyAsync(u => u.Id == user.Id, cancel).ConfigureAwait(false))
        {
            await users.RemovePasswordAsync(user).ConfigureAwait(false);
            await users.AddPasswordAsync(user, password).ConfigureAwait(false);
        }
        else
        {
            await users.CreateAsync(user, password).ConfigureAwait(false);
            await users.AddToRoleAsync(user, Roles.Supervisor).ConfigureAwait(false);
        }

        var o = context.Terminal.Writer;
        var language = context.Language;
        var seconds = Documents.ReportFormat.Number(watch.Elapsed.TotalSeconds, language);
        o.WriteLine(scenario == "sh"
            ? Texts.T(language, "demo.state.done", count, seconds)
            : Texts.T(language, "demo.done", count, seeded.CampaignId, seeded.Answered, seconds));
        var totals = await DemoMigration.TotalsAsync(db, cancel).ConfigureAwait(false);
        string N(int n) => Documents.ReportFormat.Number(n, language);
        o.WriteLine(Texts.T(language, "demo.inventory", N(totals.Bodies), N(totals.Products), N(totals.FromSurvey), N(totals.Workplaces), N(totals.Mailboxes), N(totals.Applications), N(totals.WithoutRegister)));
        o.WriteLine(Texts.T(language, "demo.start", "aufsicht" + string.Concat(serverArgs.Select(x => " " + x))));
        o.WriteLine(scenario == "sh" ? Texts.T(language, "demo.state.open", email, password) : Texts.T(language, "demo.open", seeded.CampaignId, email, password));
        return ExitCode.Ok;
    }

    /// <summary>The authority of the state the demo's bodies are in.</summary>
    public const string DemoAuthority = "lfdi-mv";

    private static IEnumerable<string> Pass(Arguments a, string name) => a.Option(name) is { } value ? [name, value] : [];

    /// <summary>The bodies, the running campaign with invitations, the answers of about seven in ten bodies, and their evaluation.</summary>
    public static async Task<(long CampaignId, int Answered)> SeedAsync(IServiceProvider services, int count, DateTime now, string? tokensFile, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<AufsichtDb>();
        var store = services.GetRequiredService<QuestionnaireStore>();
        var catalog = services.GetRequiredService<Catalog.CatalogStore>();
        var random = new Random(2026);
        var questionnaireId = await db.Questionnaires.Where(q => q.Key == "videokonferenz").OrderByDescending(q => q.Version).Select(q => q.Id).FirstAsync(cancel)
            .ConfigureAwait(false);
        var questionnaire = (await store.GetAsync(questionnaireId, cancel).ConfigureAwait(false)).Definition;

        var bodies = new List<BodyRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var place = Prefixes[random.Next(Prefixes.Length)] + Suffixes[random.Next(Suffixes.Length)];
            var roll = random.NextDouble();
            var (kind, name) = roll switch
            {
                < 0.50 => ("school", $"{(random.Next(3) == 0 ? "Regionale Schule" : "Grundschule")} {place}"),
                < 0.75 => ("municipality", $"Gemeinde {place}"),
                < 0.80 => ("district", $"Kreisverwaltung {place}"),
                < 0.90 => ("state-authority", $"Landesamt für {(random.Next(2) == 0 ? "Vermessung" : "Soziales")} {place}"),
                < 0.93 => ("university", $"Hochschule {place}"),
                _ => ("company", $"{place} Stadtwerke GmbH"),
            };
            bodies.Add(new BodyRecord
            {
                ExternalId = string.Create(CultureInfo.InvariantCulture, $"DEMO-{i + 1:000000}"),
                Name = $"{name} ({i + 1})",
                Kind = kind,
                Region = Regions[random.Next(Regions.Length)],
                State = "MV",
                PublicBody = kind != "company",
                ContactEmail = string.Create(CultureInfo.InvariantCulture, $"stelle-{i + 1}@demo.invalid"),
                Language = random.Next(20) == 0 ? "en" : "de",
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Bodies.AddRange(bodies);
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);

        var campaign = new CampaignRecord
        {
            Title = "Einsatz von Videokonferenzsystemen 2026 (Demo)",
            QuestionnaireId = questionnaireId,
            State = CampaignState.Running,
            Deadline = DateOnly.FromDateTime(now).AddDays(14),
            ReminderDays = "7,1",
            TemplatesJson = Mail.CampaignTemplates.Default.ToJson(),
            // The demo's bodies are in Mecklenburg-Vorpommern: its own authority asks them and signs the e-mails.
            Authority = catalog.Catalog.FindAuthority(DemoAuthority) is null ? catalog.Catalog.DefaultAuthority.Id : DemoAuthority,
            RetentionDays = 365,
            CreatedAt = now.AddDays(-12),
            CreatedBy = "demo",
            ContactName = "Erika Beispiel (Demo)",
            ContactEmail = "umfrage@aufsicht.example",
            ContactPhone = "0385 000 000",
            StartedAt = now.AddDays(-10),
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        db.CampaignBodies.AddRange(bodies.Select(b => new CampaignBodyRecord { CampaignId = campaign.Id, BodyId = b.Id }));
        var tokens = new List<string>(count);
        foreach (var body in bodies)
        {
            var (token, hash) = Tokens.New();
            tokens.Add(token);
            db.Invitations.Add(new InvitationRecord { CampaignId = campaign.Id, BodyId = body.Id, TokenHash = hash, IssuedAt = now.AddDays(-10), Email = body.ContactEmail, Language = body.Language });
        }

        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        if (tokensFile is not null)
        {
            // For load tests only: the links the e-mails would have carried (the database keeps their hashes alone).
            await File.WriteAllLinesAsync(tokensFile, tokens, cancel).ConfigureAwait(false);
        }

        var services2 = services.GetRequiredService<CatalogStoreServices>();
        var answered = 0;
        var pending = new List<(ResponseRecord Response, ResponseVersionRecord Version)>();
        foreach (var body in bodies)
        {
            if (random.NextDouble() >= 0.7)
            {
                continue;
            }

            var answers = SurveyForm.Clean(questionnaire, Answer(random, body, questionnaire));
            var errors = SurveyForm.Check(questionnaire, answers, services2.IsService, complete: true);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"demo answers are invalid (a bug): {errors[0].Key} {errors[0].Code}");
            }

            var when = now.AddDays(-10 * Math.Pow(random.NextDouble(), 1.5)).AddMinutes(-random.Next(600));
            var json = answers.ToJson();
            var response = new ResponseRecord { CampaignId = campaign.Id, BodyId = body.Id, DraftJson = json, Revision = 1, SubmittedVersion = 1, StartedAt = when.AddMinutes(-20), UpdatedAt = when, SubmittedAt = when };
            pending.Add((response, new ResponseVersionRecord { Version = 1, AnswersJson = json, SubmittedAt = when, Receipt = string.Create(CultureInfo.InvariantCulture, $"U{campaign.Id}-{body.Id}-F1-DEMO00") }));
            answered++;
        }

        db.Responses.AddRange(pending.Select(p => p.Response));
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        foreach (var (response, version) in pending)
        {
            version.ResponseId = response.Id;
        }

        db.ResponseVersions.AddRange(pending.Select(p => p.Version));
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await services.GetRequiredService<CampaignEvaluator>().ReevaluateAllAsync(db, campaign, now, cancel).ConfigureAwait(false);
        return (campaign.Id, answered);
    }

    private static readonly (string Service, double Weight, string Model)[] Services =
    [
        ("jitsi-self-operated", 0.22, "self-operated"), ("bbb-self-operated", 0.18, "self-operated"), ("zoom", 0.14, "saas"),
        ("teams-m365", 0.16, "saas"), ("webex", 0.06, "saas"), ("alfaview", 0.08, "saas"), ("opentalk", 0.05, "saas"),
        ("nextcloud-talk", 0.05, "self-operated"), ("jitsi-netways", 0.04, "external-provider"), (Answers.Other, 0.02, "external-provider"),
    ];

    /// <summary>
    /// Plausible answers of one body: the systems it uses and how, skewed the way such surveys come back. Every
    /// required question about a system's use is answered from the questionnaire itself: the familiar ones with the
    /// skew below, any other one from its options (mostly the first, now and then another or unknown), so a new
    /// question needs no change here.
    /// </summary>
    private static Answers Answer(Random random, BodyRecord body, Questionnaire questionnaire)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (random.NextDouble() < 0.08)
        {
            values["usesVideo"] = ["no"];
            return new Answers(values);
        }

        values["usesVideo"] = ["yes"];
        var picked = new List<(string Service, string Model)>();
        for (var i = 0; i < (random.NextDouble() < 0.3 ? 2 : 1); i++)
        {
            var roll = random.NextDouble();
            foreach (var (service, weight, model) in Services)
            {
                roll -= weight;
                if (roll < 0)
                {
                    if (picked.All(p => p.Service != service))
                    {
                        picked.Add((service, model));
                    }

                    break;
                }
            }
        }

        if (picked.Count == 0)
        {
            picked.Add(("jitsi-self-operated", "self-operated"));
        }

        values["services"] = picked.Select(p => p.Service).ToArray();
        if (picked.Any(p => p.Service == Answers.Other))
        {
            values["services.other"] = [random.Next(2) == 0 ? "Schul-BBB des Medienzentrums" : "Landesportal Video"];
        }

        values["users"] = [random.Next(5, 2000).ToString(CultureInfo.InvariantCulture)];
        string Pick(params (string Value, double Weight)[] choices)
        {
            var roll = random.NextDouble() * choices.Sum(c => c.Weight);
            foreach (var (value, weight) in choices)
            {
                roll -= weight;
                if (roll < 0)
                {
                    return value;
                }
            }

            return choices[^1].Value;
        }

        var school = body.Kind == "school";
        var perService = questionnaire.Sections.Where(s => s.ForEachService == questionnaire.Mapping.ServicesQuestion).SelectMany(s => s.Questions).ToArray();
        foreach (var (service, model) in picked)
        {
            string[]? Skewed(string id) => id switch
            {
                "operatingModel" => [model],
                "hosting" => [model == "self-operated" ? "own" : Pick(("de", 5), ("eea", 2), ("third-country", service is "zoom" or "teams-m365" or "webex" ? 6 : 0.1), ("unknown", 1))],
                "processorAgreement" => [Pick(("yes", 8), ("no", 1), ("unknown", 1))],
                "purposes" => school ? ["teaching", "parent-meetings"] : body.Kind == "municipality" ? ["internal-meetings", "council-meetings"] : ["internal-meetings"],
                "participants" => school ? ["pupils", "teachers"] : body.Kind == "municipality" ? ["employees", "citizens"] : ["employees"],
                "specialCategories" => [Pick(("no", 9), ("yes", 0.5), ("unknown", 0.5))],
                "legalBasis" => [body.PublicBody ? "art6-1-e" : Pick(("art6-1-b", 1), ("art6-1-f", 1))],
                "protectionNeed" => [Pick(("normal", 6), ("high", 3), ("unknown", 0.5))],
                "dpia" => [Pick(("done", 4), ("threshold-only", 2), ("none", 3), ("not-required", 1))],
                "recordOfProcessing" => [Pick(("yes", 8), ("no", 2))],
                "participantsInformed" => [Pick(("complete", 6), ("partial", 3), ("none", 1))],
                "e2ee" => [Pick(("yes", 3), ("no", 6), ("unknown", 1))],
                "lobby" => [Pick(("yes", 8), ("no", 2))],
                "recordingOff" => [Pick(("yes", 9), ("no", 1))],
                "telemetryBlocked" => [Pick(("yes", 6), ("no", 2), ("unknown", 2))],
                _ => null,
            };

            string[]? FromOptions(Question question) => question.Kind switch
            {
                QuestionKind.YesNoUnknown => [Pick(("yes", 7), ("no", 2), ("unknown", 1))],
                QuestionKind.OneOf => [Pick([.. question.Options.Select((o, i) => (o.Value, o.Value == FactDomains.Unknown ? 0.5 : i == 0 ? 6.0 : 1.0))])],
                QuestionKind.AnyOf => [question.Options[0].Value],
                QuestionKind.Number => [(question.Min ?? 1).ToString(CultureInfo.InvariantCulture)],
                QuestionKind.Date => ["2024-01-01"],
                QuestionKind.Text => ["-"],
                _ => null,
            };

            foreach (var question in perService)
            {
                if ((Skewed(question.Id) ?? (question.Required ? FromOptions(question) : null)) is { } answer)
                {
                    values[Answers.Key(question.Id, service)] = answer;
                }
            }
        }

        return new Answers(values);
    }
}
