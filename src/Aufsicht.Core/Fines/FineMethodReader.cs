using System.Globalization;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;

namespace Aufsicht.Core.Fines;

/// <summary>Reads <c>enforcement/fine-methods.json</c>: the tiers of Art. 83 GDPR and the methods' tables, with sources.</summary>
public static class FineMethodReader
{
    public const string File = "enforcement/fine-methods.json";

    public static Result<FineMethodTable> Read(ReadOnlyMemory<byte> utf8)
    {
        var parsed = ProfileReader.ParseDocument(utf8);
        if (!parsed.IsOk)
        {
            return Result<FineMethodTable>.Fail(parsed.Errors.Select(e => e with { Field = File }).ToList());
        }

        using var document = parsed.Value;
        var errors = new List<Error>();
        var root = ObjectReader.Open(document.RootElement, string.Empty, errors);
        var tiers = new List<FineTier>();
        var methods = new List<FineMethodRules>();
        if (root is not null)
        {
            root.RejectUnknown(["$schema", "tiers", "methods"]);
            foreach (var (element, path) in root.Array("tiers") ?? [])
            {
                if (ReadTier(ObjectReader.Open(element, path, errors)) is { } tier)
                {
                    tiers.Add(tier);
                }
            }

            foreach (var (element, path) in root.Array("methods") ?? [])
            {
                if (ReadMethod(ObjectReader.Open(element, path, errors)) is { } method)
                {
                    methods.Add(method);
                }
            }
        }

        foreach (var id in FineMethodTable.TierIds.Where(id => errors.Count == 0 && tiers.Count(t => t.Id == id) != 1))
        {
            errors.Add(Error.Invalid("tiers", "datafile.fines.tier", id));
        }

        foreach (var id in FineMethodTable.MethodIds.Where(id => errors.Count == 0 && methods.Count(m => m.Id == id) != 1))
        {
            errors.Add(Error.Invalid("methods", "datafile.fines.method", id));
        }

        return errors.Count > 0
            ? Result<FineMethodTable>.Fail(errors.Select(e => e with { Field = $"{File}: {e.Field}" }).ToList())
            : Result<FineMethodTable>.Ok(new FineMethodTable(tiers, methods));
    }

    private static FineTier? ReadTier(ObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        r.RejectUnknown(["id", "staticCap", "turnoverPercent", "articles", "note", "source", "seen"]);
        var id = r.Enum("id", FineMethodTable.TierIds, allowUnknown: false);
        var cap = Decimal(r, "staticCap");
        var percent = Decimal(r, "turnoverPercent");
        var articles = Strings(r, "articles");
        r.String("note", required: false, maxLength: 2000);
        var source = r.String("source", pattern: Patterns.Url);
        r.Date("seen");
        return id is null || cap is null || percent is null || articles is null || source is null ? null : new FineTier(id, cap.Value, percent.Value, articles, source);
    }

    private static FineMethodRules? ReadMethod(ObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        r.RejectUnknown(["id", "name", "version", "adopted", "citation", "sections", "paragraphs", "seriousness", "turnoverAdjustmentUpTo", "turnoverFactors", "daysPerYear", "sizeClasses", "severity", "sources"]);
        var id = r.Enum("id", FineMethodTable.MethodIds, allowUnknown: false);
        var name = r.Text("name");
        var version = r.String("version", maxLength: 50);
        var adopted = r.Date("adopted");
        var citation = r.String("citation", maxLength: 200);
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        if (r.Object("sections") is { } s)
        {
            foreach (var key in s.PropertyNames())
            {
                if (s.String(key, maxLength: 200) is { } section)
                {
                    sections[key] = section;
                }
            }
        }

        r.String("paragraphs", maxLength: 200);
        var seriousness = Bands(r, "seriousness");
        var upTo = r.Has("turnoverAdjustmentUpTo") ? Decimal(r, "turnoverAdjustmentUpTo") : null;
        var factors = new List<TurnoverFactorBand>();
        foreach (var (element, path) in r.Array("turnoverFactors", required: false) ?? [])
        {
            var b = ObjectReader.Open(element, path, r.Errors);
            if (b is null)
            {
                continue;
            }

            b.RejectUnknown(["upTo", "from", "to"]);
            var (bandUpTo, from, to) = (Decimal(b, "upTo"), Decimal(b, "from"), Decimal(b, "to"));
            if (bandUpTo is not null && from is not null && to is not null)
            {
                factors.Add(new TurnoverFactorBand(bandUpTo.Value, from.Value, to.Value));
            }
        }

        var days = r.Has("daysPerYear") ? Decimal(r, "daysPerYear") : null;
        var classes = new List<SizeClass>();
        foreach (var (element, path) in r.Array("sizeClasses", required: false) ?? [])
        {
            var c = ObjectReader.Open(element, path, r.Errors);
            if (c is null)
            {
                continue;
            }

            c.RejectUnknown(["id", "upTo", "mean"]);
            var classId = c.String("id", maxLength: 20);
            var classUpTo = c.Has("upTo") ? Decimal(c, "upTo") : null;
            var mean = c.Has("mean") ? Decimal(c, "mean") : null;
            if (classId is not null)
            {
                classes.Add(new SizeClass(classId, classUpTo, mean));
            }
        }

        List<FineBand> formal = [], material = [];
        if (r.Object("severity", required: false) is { } severity)
        {
            severity.RejectUnknown(["formal", "material"]);
            formal = Bands(severity, "formal");
            material = Bands(severity, "material");
        }

        var sources = DataReader.Sources(r, aboutRequired: false);
        if (id == FineMethodTable.Edpb && (seriousness.Count == 0 || factors.Count == 0 || upTo is null))
        {
            r.Invalid("seriousness", "datafile.fines.tables", id);
        }

        if (id == FineMethodTable.Dsk && (classes.Count == 0 || days is null or 0 || formal.Count == 0 || material.Count == 0 || classes[^1].Mean is not null))
        {
            r.Invalid("sizeClasses", "datafile.fines.tables", id);
        }

        return id is null || name is null || version is null || adopted is null || citation is null
            ? null
            : new FineMethodRules(id, name, version, adopted.Value, citation, sections, seriousness, upTo, factors, days, classes, formal, material, sources);
    }

    private static List<FineBand> Bands(ObjectReader r, string name)
    {
        var bands = new List<FineBand>();
        foreach (var (element, path) in r.Array(name, required: false) ?? [])
        {
            var b = ObjectReader.Open(element, path, r.Errors);
            if (b is null)
            {
                continue;
            }

            b.RejectUnknown(["level", "from", "to"]);
            var level = b.String("level", maxLength: 50);
            var from = Decimal(b, "from");
            var to = b.Has("to") ? Decimal(b, "to") : null;
            if (level is not null && from is not null && (to is null || to >= from))
            {
                bands.Add(new FineBand(level, from.Value, to));
            }
        }

        return bands;
    }

    private static List<string>? Strings(ObjectReader r, string name)
    {
        var items = r.Array(name);
        if (items is null)
        {
            return null;
        }

        var list = new List<string>();
        foreach (var (element, path) in items)
        {
            if (element.ValueKind == System.Text.Json.JsonValueKind.String && element.GetString() is { Length: > 0 } text)
            {
                list.Add(text);
            }
            else
            {
                r.Errors.Add(Error.Invalid(path, "datafile.notString", ObjectReader.Describe(element)));
            }
        }

        return list;
    }

    /// <summary>A decimal written as a JSON string (<c>"0.15"</c>) or number; exact, invariant, never in exponent form.</summary>
    internal static decimal? Decimal(ObjectReader r, string name, bool required = true)
    {
        if (!r.Has(name))
        {
            if (required)
            {
                r.Invalid(name, "datafile.missing");
            }

            return null;
        }

        var text = r.Raw(name) ?? r.String(name, maxLength: 40);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && Math.Abs(value) <= 1_000_000_000_000_000m)
        {
            return value;
        }

        r.Invalid(name, "datafile.fines.notDecimal", text);
        return null;
    }
}
