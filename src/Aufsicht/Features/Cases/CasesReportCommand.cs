using System.Globalization;
using Aufsicht.Cli;
using Aufsicht.Core.Enforcement;
using Aufsicht.Core.Fines;
using Aufsicht.Documents;
using Aufsicht.Web;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Cases;

/// <summary>
/// <c>aufsicht cases report --year 2026 [--format json|text] [--out FILE.pdf|FILE.odt]</c>: the year's enforcement
/// figures (Art. 59 GDPR) from the database, as JSON, as text, or written as the same ODT or PDF the web app offers.
/// </summary>
internal static class CasesReportCommand
{
    public const string Usage = "aufsicht cases report --year YYYY [--format json|text] [--out FILE.pdf|FILE.odt] [--data-dir DIR] [--database CONNECTION] [--data DIR]";

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext context, CancellationToken cancel)
    {
        var a = Arguments.Parse("cases report", args, ["--year", "--format", "--out", "--data-dir", "--database", "--data"], [], context.Language);
        a.ExpectPositional(0, 0, Usage);
        var format = a.Choice("--format", context.DefaultFormat, "json", "text");
        var zone = Shared.LocalDates.Berlin;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(context.Clock.GetUtcNow().UtcDateTime, zone));
        var year = AnnualReport.ParseYear(a.Required("--year", Usage), "year", today.Year);
        var errors = year.Errors.ToList();
        var output = a.Option("--out");
        var kind = output is null ? null : Path.GetExtension(output).ToLowerInvariant() switch { ".pdf" => "pdf", ".odt" => "odt", _ => null };
        if (output is not null && kind is null)
        {
            errors.Add(Core.Error.Invalid("out", "cases.report.outInvalid", output));
        }

        if (errors.Count > 0)
        {
            return CliFailures.Print(errors, context, string.Empty);
        }

        var options = ServerOptions.From(a);
        await using var db = DatabaseSetup.Open(options);
        await DatabaseSetup.MigrateAsync(db, options, cancel, context.Language).ConfigureAwait(false);
        var figures = await AnnualReport.CountAsync(db, year.Value, zone, cancel).ConfigureAwait(false);
        var authority = (await db.Letterhead.AsNoTracking().SingleOrDefaultAsync(l => l.Id == 1, cancel).ConfigureAwait(false))?.AuthorityName
            ?? DataFolder.Load(DataFolder.Locate(a.Option("--data"), context.Language), context.Language).Catalog.DefaultAuthority.Name.In(context.Language);

        if (output is not null)
        {
            File.WriteAllBytes(output, AnnualReport.Render(AnnualReport.Build(figures, authority, today, context.Language), kind!));
            context.Terminal.Writer.WriteLine(Texts.T(context.Language, "cases.report.written", output));
            return ExitCode.Ok;
        }

        if (format == "json")
        {
            return context.WriteJson(w => Json(w, figures, authority, today));
        }

        var document = AnnualReport.Build(figures, authority, today, context.Language);
        var writer = context.Terminal.Writer;
        writer.WriteLine(document.Title);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    writer.WriteLine();
                    writer.WriteLine(h.Text);
                    break;
                case Paragraph p:
                    writer.WriteLine(p.Text);
                    break;
                case KeyValues kv:
                    kv.Items.ToList().ForEach(i => writer.WriteLine($"{i.Label}: {i.Value}"));
                    break;
                case Table t:
                    t.Rows.ToList().ForEach(r => writer.WriteLine("  " + string.Join(" · ", r.Take(r.Count - 1)) + ": " + r[^1]));
                    break;
            }
        }

        return ExitCode.Ok;
    }

    /// <summary>The figures for machines: ISO date, powers as wire names, money as invariant strings with two decimals.</summary>
    private static void Json(System.Text.Json.Utf8JsonWriter w, AnnualFigures f, string authority, DateOnly made)
    {
        w.WriteStartObject();
        w.WriteNumber("year", f.Year);
        w.WriteString("authority", authority);
        w.WriteString("made", made.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteNumber("opened", f.Opened);
        w.WriteStartObject("closed");
        w.WriteNumber("total", f.Closed);
        w.WriteNumber("remedied", f.Remedied);
        w.WriteNumber("complied", f.Complied);
        w.WriteNumber("discontinued", f.Discontinued);
        w.WriteEndObject();
        w.WriteNumber("escalated", f.Escalated);
        w.WriteStartObject("measures");
        foreach (var m in f.Measures)
        {
            w.WriteNumber(m.Power.WireName(), m.Count);
        }

        w.WriteEndObject();
        w.WriteStartObject("fines");
        w.WriteNumber("count", f.Fines);
        w.WriteString("total", FineFormat.Json(f.FineTotalCents / 100m));
        if (f.Fines > 0)
        {
            w.WriteString("largest", FineFormat.Json(f.LargestFineCents / 100m));
        }

        w.WriteEndObject();
        w.WriteBoolean("publicBodiesOnly", f.PublicBodiesOnly);
        w.WriteEndObject();
    }
}
