using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;

namespace Aufsicht.Core.Enforcement;

/// <summary>Reads <c>enforcement/jurisdictions.json</c>: the rules for public bodies per country and Land, with sources.</summary>
public static class JurisdictionReader
{
    public const string File = "enforcement/jurisdictions.json";

    /// <summary>The German Länder by their usual two-letter codes.</summary>
    public static IReadOnlyList<string> GermanStates { get; } = ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"];

    public static Result<JurisdictionTable> Read(ReadOnlyMemory<byte> utf8)
    {
        var parsed = ProfileReader.ParseDocument(utf8);
        if (!parsed.IsOk)
        {
            return Result<JurisdictionTable>.Fail(parsed.Errors.Select(e => e with { Field = File }).ToList());
        }

        using var document = parsed.Value;
        var errors = new List<Error>();
        var root = ObjectReader.Open(document.RootElement, string.Empty, errors);
        var rows = new List<Jurisdiction>();
        if (root is not null)
        {
            root.RejectUnknown(["$schema", "jurisdictions"]);
            foreach (var (element, path) in root.Array("jurisdictions") ?? [])
            {
                if (ReadRow(ObjectReader.Open(element, path, errors)) is { } row)
                {
                    rows.Add(row);
                }
            }
        }

        foreach (var twice in rows.GroupBy(r => (r.Country, r.State)).Where(g => g.Count() > 1))
        {
            errors.Add(Error.Invalid("jurisdictions", "datafile.jurisdiction.twice", twice.Key.Country + (twice.Key.State is null ? string.Empty : "-" + twice.Key.State)));
        }

        foreach (var orphan in rows.Where(r => r.State is not null && !rows.Any(c => c.Country == r.Country && c.State is null)))
        {
            errors.Add(Error.Invalid("jurisdictions", "datafile.jurisdiction.noCountry", orphan.Country, orphan.State!));
        }

        return errors.Count > 0
            ? Result<JurisdictionTable>.Fail(errors.Select(e => e with { Field = $"{File}: {e.Field}" }).ToList())
            : Result<JurisdictionTable>.Ok(new JurisdictionTable(rows));
    }

    private static Jurisdiction? ReadRow(ObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        r.RejectUnknown(["country", "state", "name", "publicBodyFines", "competingBodiesFineable", "supervisoryHearing", "hearingPowers", "coerciveEnforcement"]);
        var country = r.String("country", pattern: Patterns.Country);
        var state = r.Has("state") ? r.Enum("state", GermanStates, allowUnknown: false) : null;
        var name = r.Text("name");
        var fines = ReadRule(r, "publicBodyFines");
        var competing = ReadRule(r, "competingBodiesFineable");
        var hearing = ReadRule(r, "supervisoryHearing");
        List<Power>? powers = null;
        if (r.Has("hearingPowers"))
        {
            var wire = Powers.All.Select(p => p.WireName()).ToArray();
            powers = r.EnumArray("hearingPowers", wire)?.Select(w => Powers.TryParse(w, out var p) ? p : default).ToList();
        }

        var coercion = ReadRule(r, "coerciveEnforcement");
        return country is null || name is null ? null : new Jurisdiction(country, state, name, fines, competing, hearing, powers, coercion);
    }

    private static JurisdictionRule? ReadRule(ObjectReader parent, string name)
    {
        var r = parent.Object(name, required: false);
        if (r is null)
        {
            return null;
        }

        r.RejectUnknown(["holds", "basis", "explanation", "sources"]);
        var holds = r.Bool("holds", allowUnknown: true);
        var basis = r.Text("basis");
        var explanation = r.Text("explanation");
        var sources = DataReader.Sources(r, aboutRequired: false);
        return basis is null || explanation is null ? null : new JurisdictionRule(holds, basis, explanation, sources);
    }
}
