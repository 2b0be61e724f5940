using System.Text.Json;
using Aufsicht.Cli;
using Aufsicht.Core.Assessment;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;
using Aufsicht.Features.Assessment;

namespace Aufsicht.Features.Catalog;

/// <summary><c>aufsicht catalog list|show|validate</c> and <c>aufsicht authorities</c>.</summary>
internal static class CatalogCommand
{
    public static int List(IEnumerable<string> args, CliContext context)
    {
        var a = Arguments.Parse("catalog list", args, ["--category", "--as-of", "--authority", "--format", "--data"], [], context.Language);
        a.ExpectPositional(0, 0, "aufsicht catalog list [--category C] [--as-of YYYY-MM-DD] [--authority ID] [--format json|text]");
        var format = a.Choice("--format", context.DefaultFormat, "json", "text");
        var category = a.Option("--category") is { } c ? a.Choice("--category", c, [.. FactDomains.Categories]) : null;
        var (data, asOf, authority) = DataFolder.View(a, context);
        var assessor = new CatalogAssessor(new Assessor(data.Criteria, data.Law), data.Catalog);

        var rows = data.Catalog.ServiceIds
            .Select(id => (Id: id, Snapshot: data.Catalog.SnapshotOn(id, asOf), Latest: data.Catalog.Latest(id)!))
            .Where(r => category is null || r.Latest.Category == category)
            .Select(r => (r.Id, r.Snapshot, r.Latest,
                Result: r.Snapshot is null ? assessor.Unknown(r.Id, asOf, authority) : assessor.AssessService(r.Snapshot, asOf, authority, "normal")))
            .ToList();

        if (format == "json")
        {
            return context.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("asOf", AssessmentJson.Date(asOf));
                w.WriteString("authority", authority.Id);
                w.WriteStartArray("services");
                foreach (var r in rows)
                {
                    w.WriteStartObject();
                    w.WriteString("id", r.Id);
                    w.WriteString("name", r.Latest.Name);
                    w.WriteString("category", r.Latest.Category);
                    w.WriteString("provider", r.Latest.Provider.Name);
                    w.WriteString("seat", r.Latest.Provider.Seat);
                    w.WriteString("operatingModel", r.Latest.OperatingModel);
                    if (r.Latest.OpenSource is { } open)
                    {
                        w.WriteBoolean("openSource", open);
                    }
                    else
                    {
                        w.WriteString("openSource", FactDomains.Unknown);
                    }

                    if (r.Snapshot is not null)
                    {
                        w.WriteString("factsAsOf", AssessmentJson.Date(r.Snapshot.FactsAsOf));
                    }

                    w.WriteString("verdict", r.Result.Verdict.WireName());
                    w.WriteString("technical", r.Result.Technical.WireName());
                    w.WriteNumber("snapshots", data.Catalog.History(r.Id).Count);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        var t = context.Terminal;
        var de = context.Language == Language.De;
        t.Writer.WriteLine(de
            ? $"{rows.Count} Dienste · Stichtag {FindingText.Date(asOf, Language.De)} · Sicht: {authority.Abbreviation}"
            : $"{rows.Count} services · as of {FindingText.Date(asOf, Language.En)} · view: {authority.Abbreviation}");
        t.Table(
            de ? ["Id", "Name", "Kategorie", "Sitz", "Open Source", "rechtlich", "technisch"] : ["Id", "Name", "Category", "Seat", "Open source", "legal", "technical"],
            rows.Select(r => (IReadOnlyList<string>)
            [
                r.Id, r.Latest.Names.In(context.Language), Texts.T(context.Language, "category." + r.Latest.Category), r.Latest.Provider.Seat == FactDomains.Unknown ? "?" : r.Latest.Provider.Seat,
                r.Latest.OpenSource switch { true => de ? "ja" : "yes", false => de ? "nein" : "no", null => "?" },
                t.Paint(r.Result.Verdict.WireName()), t.Paint(r.Result.Technical.WireName()),
            ]));
        return ExitCode.Ok;
    }

    public static int Show(IEnumerable<string> args, CliContext context)
    {
        var a = Arguments.Parse("catalog show", args, ["--as-of", "--authority", "--format", "--data"], [], context.Language);
        a.ExpectPositional(1, 1, "aufsicht catalog show <id> [--as-of YYYY-MM-DD] [--authority ID] [--format json|text]");
        var format = a.Choice("--format", context.DefaultFormat, "json", "text");
        var (data, asOf, authority) = DataFolder.View(a, context);
        var id = a.Positional[0];
        AssessCommand.RequireService(data.Catalog, id, "catalog show", context.Language);
        var snapshot = data.Catalog.SnapshotOn(id, asOf);
        var assessor = new CatalogAssessor(new Assessor(data.Criteria, data.Law), data.Catalog);
        var result = snapshot is null
            ? new CatalogAssessment(assessor.Unknown(id, asOf, authority), null, [], assessor.DecisionsOn(id))
            : assessor.Assess(snapshot, null, asOf, authority);
        var history = data.Catalog.History(id);
        var alternativesTo = data.Catalog.Alternatives.Where(x => x.Service == id).SelectMany(x => x.Replaces).Distinct().ToArray();

        if (format == "json")
        {
            return context.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteStartArray("history");
                foreach (var h in history)
                {
                    w.WriteStartObject();
                    w.WriteString("factsAsOf", AssessmentJson.Date(h.FactsAsOf));
                    w.WriteString("name", h.Name);
                    w.WriteNumber("sources", h.Sources.Count);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (snapshot is not null)
                {
                    w.WritePropertyName("facts");
                    WriteFacts(w, snapshot);
                }

                w.WritePropertyName("assessment");
                new AssessmentJson(new FindingText(data.Criteria)).Write(w, result, data.Catalog, snapshot?.FactsAsOf);
                w.WriteStartArray("replaces");
                foreach (var r in alternativesTo)
                {
                    w.WriteStringValue(r);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        var t = context.Terminal;
        var de = context.Language == Language.De;
        AssessmentText.Write(t, result, snapshot, data, context.Language);
        t.Writer.WriteLine();
        t.Writer.WriteLine(t.Bold(de ? "Faktenstände" : "History of facts"));
        foreach (var h in history)
        {
            t.Writer.WriteLine($"  {FindingText.Date(h.FactsAsOf, context.Language)}  {h.Names.In(context.Language)}  ({h.Sources.Count} {(de ? "Quellen" : "sources")})");
        }

        if (snapshot is not null)
        {
            t.Writer.WriteLine();
            t.Writer.WriteLine(t.Bold(de ? "Quellen" : "Sources"));
            var texts = new FindingText(data.Criteria);
            foreach (var source in snapshot.Sources)
            {
                t.Writer.WriteLine($"  [{texts.FactName(source.About, context.Language)}] {source.Url} ({(de ? "gesehen" : "seen")} {FindingText.Date(source.Seen, context.Language)})");
            }
        }

        if (alternativesTo.Length > 0)
        {
            t.Writer.WriteLine();
            t.Writer.WriteLine((de ? "Alternative zu: " : "Alternative to: ") + string.Join(", ", alternativesTo));
        }

        return ExitCode.Ok;
    }

    private static void WriteFacts(Utf8JsonWriter w, ServiceProfile s)
    {
        w.WriteStartObject();
        w.WriteString("name", s.Name);
        w.WriteString("category", s.Category);
        w.WriteString("factsAsOf", AssessmentJson.Date(s.FactsAsOf));
        w.WriteStartObject("provider");
        w.WriteString("name", s.Provider.Name);
        w.WriteString("seat", s.Provider.Seat);
        if (s.Provider.ParentSeat is { } parent)
        {
            w.WriteString("parentSeat", parent);
        }

        w.WriteEndObject();
        w.WriteString("operatingModel", s.OperatingModel);
        foreach (var group in s.Facts.GroupBy(f => f.Key[..f.Key.IndexOf('.')]))
        {
            w.WriteStartObject(group.Key);
            foreach (var (path, value) in group)
            {
                w.WriteString(path[(group.Key.Length + 1)..], value);
            }

            w.WriteEndObject();
        }

        w.WriteStartArray("countries");
        foreach (var country in s.Countries ?? [FactDomains.Unknown])
        {
            w.WriteStringValue(country);
        }

        w.WriteEndArray();
        w.WriteStartArray("sources");
        foreach (var source in s.Sources)
        {
            w.WriteStartObject();
            w.WriteString("url", source.Url);
            w.WriteString("seen", AssessmentJson.Date(source.Seen));
            w.WriteString("about", source.About);
            if (source.Note is { } note)
            {
                w.WriteString("note", note);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static int Authorities(IEnumerable<string> args, CliContext context)
    {
        var a = Arguments.Parse("authorities", args, ["--format", "--data"], [], context.Language);
        a.ExpectPositional(0, 0, "aufsicht authorities [--format json|text]");
        var format = a.Choice("--format", context.DefaultFormat, "json", "text");
        var data = DataFolder.Load(DataFolder.Locate(a.Option("--data"), context.Language), context.Language);
        var profiles = data.Catalog.Authorities.SelectMany(x => x.Versions).ToList();
        if (format == "json")
        {
            return context.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("default", data.Catalog.DefaultAuthority.Id);
                w.WriteStartArray("profiles");
                foreach (var p in profiles)
                {
                    w.WriteStartObject();
                    w.WriteString("authority", p.Id);
                    w.WriteString("short", p.Abbreviation);
                    w.WriteString("validFrom", AssessmentJson.Date(p.ValidFrom));
                    w.WriteString("label", context.Language == Language.De ? p.Label.De : p.Label.En);
                    w.WriteBoolean("sccAloneSuffices", p.SccAloneSuffices);
                    w.WriteString("thirdCountryAccess", p.ThirdCountryAccess.ToString());
                    w.WriteBoolean("acceptDpf", p.AcceptDpf);
                    w.WriteBoolean("gateTechnical", p.GateTechnical);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        var t = context.Terminal;
        var de = context.Language == Language.De;
        t.Table(
            de ? ["Id", "Behörde", "ab", "Sicht", "SCC allein", "T03", "DPF", "gestuft"] : ["Id", "Authority", "from", "view", "SCC alone", "T03", "DPF", "gated"],
            profiles.Select(p => (IReadOnlyList<string>)
            [
                p.Id, p.Abbreviation, FindingText.Date(p.ValidFrom, context.Language), de ? p.Label.De : p.Label.En,
                YesNo(p.SccAloneSuffices, de), p.ThirdCountryAccess switch
                {
                    ThirdCountryAccessRule.Yellow => de ? "gelb" : "yellow",
                    ThirdCountryAccessRule.RedAboveNormal => de ? "gelb, bei hohem Schutzbedarf rot" : "yellow, red above normal",
                    _ => de ? "nur Hinweis" : "note only",
                }, YesNo(p.AcceptDpf, de), YesNo(p.GateTechnical, de),
            ]));
        return ExitCode.Ok;
    }

    private static string YesNo(bool value, bool de) => value ? (de ? "ja" : "yes") : (de ? "nein" : "no");

    public static int Validate(IEnumerable<string> args, CliContext context) => CatalogValidator.Run(args, context);
}
