using Aufsicht.Cli;
using Aufsicht.Data;
using Aufsicht.Web;

namespace Aufsicht.Features.Cases;

/// <summary>
/// <c>aufsicht audit verify [--data-dir DIR] [--database CONNECTION]</c>: walks the hash chain of the audit log and
/// reports the first entry that no longer fits (exit code 1), or that all fit (exit code 0).
/// </summary>
internal static class AuditCommand
{
    public const string Usage = "aufsicht audit verify [--data-dir DIR] [--database CONNECTION]";

    public static async Task<int> VerifyAsync(IEnumerable<string> args, CliContext context, CancellationToken cancel)
    {
        var a = Arguments.Parse("audit verify", args, ["--data-dir", "--database"], [], context.Language);
        a.ExpectPositional(0, 0, Usage);
        var options = ServerOptions.From(a);
        await using var db = DatabaseSetup.Open(options);
        await DatabaseSetup.MigrateAsync(db, options, cancel, context.Language).ConfigureAwait(false);
        var (broken, count) = await AuditLog.VerifyAsync(db, cancel).ConfigureAwait(false);
        if (broken is null)
        {
            context.Terminal.Writer.WriteLine(Texts.T(context.Language, "audit.verify.ok", Number(count, context.Language)));
            return ExitCode.Ok;
        }

        context.Terminal.Writer.WriteLine(Texts.T(context.Language, "audit.verify.broken." + broken.Problem, Number(broken.Sequence, context.Language), Number(count, context.Language)));
        return ExitCode.Failure;
    }

    private static string Number(long n, Core.Law.Language language) => Documents.ReportFormat.Number(n, language);
}
