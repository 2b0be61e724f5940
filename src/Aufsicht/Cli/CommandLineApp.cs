using Aufsicht.Features.Assessment;
using Aufsicht.Features.Catalog;
using Aufsicht.Web;

namespace Aufsicht.Cli;

/// <summary>The `aufsicht` command: dispatches verbs, turns bad input into a message and exit code 2, never a stack trace.</summary>
internal static class CommandLineApp
{
    /// <summary>The usage lines of every command: syntax, the same in both languages.</summary>
    public const string Commands = """
          aufsicht assess service <id|file.json> [--deployment file.json] [--as-of YYYY-MM-DD] [--authority ID] [--format json|text]
          aufsicht assess batch <deployments.jsonl|-> [--as-of YYYY-MM-DD] [--authority ID] [--explain]
          aufsicht catalog list [--category C] [--as-of YYYY-MM-DD] [--authority ID] [--format json|text]
          aufsicht catalog show <id> [--as-of YYYY-MM-DD] [--authority ID] [--format json|text]
          aufsicht catalog validate [file.json ...]
          aufsicht authorities [--format json|text]
          aufsicht deadline --sent YYYY-MM-DD|--delivered YYYY-MM-DD --period 2w|14d|1m [--delivery post|electronic|hand] [--state MV] [--format json|text]
          aufsicht measure <file.json|-> [--format json|text]
          aufsicht fine <file.json|-> [--format json|text]
          aufsicht plan solve <file.json|-> [--time-limit SECONDS] [--format json|text]
          aufsicht plan create --name NAME --start YYYY-MM [--objective makespan|cost|weighted] [--team N] [--trainers N] [--support N] [--bundle opendesk] [--authority ID] [--data-dir DIR] [--database CONNECTION]
          aufsicht plan compute <plan-id> [--time-limit SECONDS] [--data-dir DIR] [--database CONNECTION]
          aufsicht plan export <plan-id> --format csv|xlsx|ics [--variant german|machine] [--out FILE] [--data-dir DIR] [--database CONNECTION]
          aufsicht plan progress <plan-id> <file.csv|file.xlsx> [--data-dir DIR] [--database CONNECTION]
          aufsicht db migrate [--data-dir DIR] [--database CONNECTION]
          aufsicht backup FILE [--data-dir DIR]      /   aufsicht restore FILE [--data-dir DIR]   (SQLite)
          aufsicht bodies import <file.csv|file.xlsx> [--data-dir DIR] [--database CONNECTION]
          aufsicht bodies export <file.csv|file.xlsx> [--variant machine|german] [--data-dir DIR] [--database CONNECTION]
          aufsicht inventory import <file.csv|file.xlsx> [--kind products|applications] [--data-dir DIR] [--database CONNECTION]
          aufsicht inventory export --out <file.csv|file.xlsx> [--kind products|applications] [--data-dir DIR] [--database CONNECTION]
          aufsicht inventory from-campaign <campaign-id> [--data-dir DIR] [--database CONNECTION] [--data DIR]
          aufsicht admin create-user --email ADDRESS [--role Administrator|Supervisor|Reader] [--password-stdin]
          aufsicht admin reset-password --email ADDRESS [--password-stdin]
          aufsicht audit verify [--data-dir DIR] [--database CONNECTION]
          aufsicht cases report --year YYYY [--format json|text] [--out FILE.pdf|FILE.odt] [--data-dir DIR] [--database CONNECTION]
          aufsicht demo [--scenario mv|sh] [--bodies N] [--data-dir DIR] [--database CONNECTION]
          aufsicht [serve] [--urls URL] [--data-dir DIR] [--database CONNECTION] [--catalog DIR]
        """;

    /// <summary>The help text in the language: a sentence on what aufsicht is, the commands, the common options and exit codes.</summary>
    public static string Help(Core.Law.Language language) =>
        Features.Texts.T(language, "cli.help.title") + "\n\n" + Features.Texts.T(language, "cli.help.usage") + "\n" + Commands + "\n\n"
        + Features.Texts.T(language, "cli.help.common") + "\n" + Features.Texts.T(language, "cli.help.exitCodes");

    /// <summary>
    /// True when the words are a CLI command (a verb, --help or --version); false for the web server: no verb,
    /// <c>serve</c>, or only server options such as <c>--urls</c>.
    /// </summary>
    public static bool IsCommand(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "--version")
            {
                return true;
            }

            if (arg == "--lang")
            {
                i++;
                continue;
            }

            if (arg.StartsWith("--lang=", StringComparison.Ordinal))
            {
                continue;
            }

            if (arg.StartsWith('-'))
            {
                return false;
            }

            return arg != "serve";
        }

        return false;
    }

    public static int RunConsole(string[] args)
    {
        var colour = Terminal.SupportsColour(Console.IsOutputRedirected);
#pragma warning disable RS0030 // The CLI's composition root: the one place a command names the system clock.
        var context = new CliContext(Console.OpenStandardOutput, Console.Error, Console.OpenStandardInput, TimeProvider.System, colour);
#pragma warning restore RS0030
        return Run(args, context);
    }

    /// <summary>
    /// Runs one command to its end. The one place the CLI blocks on its asynchronous commands: a command is the
    /// whole process (or a test's call), with no requests whose threads it could take away.
    /// </summary>
    public static int Run(string[] args, CliContext context) => RunAsync(args, context, CancellationToken.None).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancel)
    {
        try
        {
            var (language, rest) = TakeLanguage(args);
            context = new CliContext(context.OpenStdout, context.Error, context.OpenStdin, context.Clock, context.Terminal.Colour)
            {
                Language = language,
                DefaultFormat = context.DefaultFormat,
            };
            // Verbs that do no I/O worth awaiting (files, the shipped catalogue) stay synchronous.
            return await (rest switch
            {
                [] or ["--help" or "-h" or "help", ..] => Task.FromResult(PrintHelp(context)),
                ["--version"] => Task.FromResult(PrintVersion(context)),
                ["assess", "service", .. var more] => Task.FromResult(AssessCommand.Run(more, context)),
                ["assess", "batch", .. var more] => Task.FromResult(BatchCommand.Run(more, context)),
                ["catalog", "list", .. var more] => Task.FromResult(CatalogCommand.List(more, context)),
                ["catalog", "show", .. var more] => Task.FromResult(CatalogCommand.Show(more, context)),
                ["catalog", "validate", .. var more] => Task.FromResult(CatalogCommand.Validate(more, context)),
                ["authorities", .. var more] => Task.FromResult(CatalogCommand.Authorities(more, context)),
                ["deadline", .. var more] => Task.FromResult(Features.Deadlines.DeadlineCommand.Run(more, context)),
                ["measure", .. var more] => Task.FromResult(Features.Measures.MeasureCommand.Run(more, context)),
                ["fine", .. var more] => Task.FromResult(Features.Fines.FineCommand.Run(more, context)),
                ["plan", "solve", .. var more] => Task.FromResult(Features.Scheduling.PlanCommand.Solve(more, context)),
                ["plan", "create", .. var more] => Features.Plans.PlanCommands.CreateAsync(more, context, cancel),
                ["plan", "compute", .. var more] => Features.Plans.PlanCommands.ComputeAsync(more, context, cancel),
                ["plan", "export", .. var more] => Features.Plans.PlanFileCommands.ExportAsync(more, context, cancel),
                ["plan", "progress", .. var more] => Features.Plans.PlanFileCommands.ProgressAsync(more, context, cancel),
                ["plan", ..] => throw Sub(context, "plan", "plan solve", "plan create", "plan compute", "plan export", "plan progress"),
                ["db", "migrate", .. var more] => Features.Operations.DbCommand.MigrateAsync(more, context, cancel),
                ["db", ..] => throw Sub(context, "db", "db migrate"),
                ["backup", .. var more] => Task.FromResult(Features.Operations.BackupCommand.Backup(more, context)),
                ["restore", .. var more] => Task.FromResult(Features.Operations.BackupCommand.Restore(more, context)),
                ["bodies", "import", .. var more] => Features.Bodies.BodiesCommand.ImportAsync(more, context, cancel),
                ["bodies", "export", .. var more] => Features.Bodies.BodiesCommand.ExportAsync(more, context, cancel),
                ["bodies", ..] => throw Sub(context, "bodies", "bodies import", "bodies export"),
                ["inventory", "import", .. var more] => Features.Inventory.InventoryCommand.ImportAsync(more, context, cancel),
                ["inventory", "export", .. var more] => Features.Inventory.InventoryCommand.ExportAsync(more, context, cancel),
                ["inventory", "from-campaign", .. var more] => Features.Inventory.InventoryCommand.FromCampaignAsync(more, context, cancel),
                ["inventory", ..] => throw Sub(context, "inventory", "inventory import", "inventory export", "inventory from-campaign"),
                ["audit", "verify", .. var more] => Features.Cases.AuditCommand.VerifyAsync(more, context, cancel),
                ["audit", ..] => throw Sub(context, "audit", "audit verify"),
                ["cases", "report", .. var more] => Features.Cases.CasesReportCommand.RunAsync(more, context, cancel),
                ["cases", ..] => throw Sub(context, "cases", "cases report"),
                ["demo", .. var more] => Features.Campaigns.DemoCommand.RunAsync(more, context, cancel),
                ["admin", "create-user", .. var more] => Features.Accounts.AdminCommand.CreateUserAsync(more, context, cancel),
                ["admin", "reset-password", .. var more] => Features.Accounts.AdminCommand.ResetPasswordAsync(more, context, cancel),
                ["admin", ..] => throw Sub(context, "admin", "admin create-user", "admin reset-password"),
                ["assess", ..] => throw Sub(context, "assess", "assess service", "assess batch"),
                ["catalog", ..] => throw Sub(context, "catalog", "catalog list", "catalog show", "catalog validate"),
                [var verb, ..] => throw new InputException(Features.Texts.T(context.Language, "cli.command.unknown", verb)),
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InputException or SettingException)
        {
            // A wrong setting (the data folder, the database) reads as bad input does: one line, exit code 2.
            context.Error.WriteLine("aufsicht: " + e.Message);
            return ExitCode.InvalidInput;
        }
        catch (IOException e) when (e.HResult == 32 || e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase))
        {
            // The reader went away (e.g. `| head`): nothing left to say.
            return ExitCode.Ok;
        }
    }

    private static (Core.Law.Language, string[]) TakeLanguage(string[] args)
    {
        var index = Array.FindIndex(args, a => a == "--lang" || a.StartsWith("--lang=", StringComparison.Ordinal));
        if (index < 0)
        {
            return (Core.Law.Language.De, args);
        }

        var inline = args[index].StartsWith("--lang=", StringComparison.Ordinal);
        var value = inline ? args[index]["--lang=".Length..] : index + 1 < args.Length ? args[index + 1] : null;
        var language = value switch
        {
            "de" => Core.Law.Language.De,
            "en" => Core.Law.Language.En,
            _ => throw new InputException(string.Join(" / ", Features.Texts.T(Core.Law.Language.De, "cli.lang.invalid", value ?? string.Empty), Features.Texts.T(Core.Law.Language.En, "cli.lang.invalid", value ?? string.Empty))),
        };
        var rest = args.Where((_, i) => i != index && (inline || i != index + 1)).ToArray();
        return (language, rest);
    }

    /// <summary>A verb without (or with an unknown) second word: which ones it has.</summary>
    private static InputException Sub(CliContext context, string verb, params string[] commands) =>
        new(Features.Texts.T(context.Language, "cli.command.sub", verb, CliText.Alternatives(context.Language, commands)));

    private static int PrintHelp(CliContext context)
    {
        context.Terminal.Writer.WriteLine(Help(context.Language));
        return ExitCode.Ok;
    }

    private static int PrintVersion(CliContext context)
    {
        context.Terminal.Writer.WriteLine(typeof(CommandLineApp).Assembly.GetName().Version?.ToString() ?? "0");
        return ExitCode.Ok;
    }
}
