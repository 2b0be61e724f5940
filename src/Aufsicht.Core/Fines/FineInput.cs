using System.Text.Json;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;
using Aufsicht.Core.Enforcement;

namespace Aufsicht.Core.Fines;

/// <summary>One infringed provision set of a case: the articles and the conduct it belongs to (Art. 83(3) GDPR).</summary>
public sealed record FineInfringement(IReadOnlyList<string> Articles, string Conduct);

/// <summary>A signed adjustment for one factor of Art. 83(2) GDPR, in percent of the amount (<c>-10</c> is 10 % less), with its reason.</summary>
public sealed record FineAdjustment(string Factor, decimal Percent, string Reason);

/// <summary>
/// What a fine is calculated from: the method, the controller facts, the tier (or the infringements it is derived
/// from), and the case handler's choices. Fractions are fractions (<c>0.15</c> is 15 %); an adjustment's percent is
/// a percentage. Which fields a method needs is checked by <see cref="FineCalculator"/>, after admissibility: no
/// turnover is needed to learn that a public body is not fined.
/// </summary>
public sealed record FineInput
{
    public required string Method { get; init; }

    public required Controller Controller { get; init; }

    public decimal? Turnover { get; init; }

    public string? Tier { get; init; }

    public IReadOnlyList<FineInfringement>? Infringements { get; init; }

    public string? Seriousness { get; init; }

    public decimal? StartingPercent { get; init; }

    public string? StartingPercentReason { get; init; }

    public decimal? TurnoverFactor { get; init; }

    public string? TurnoverFactorReason { get; init; }

    public IReadOnlyList<FineAdjustment> Adjustments { get; init; } = [];

    /// <summary>DSK: <c>formal</c> or <c>material</c>; derived from the tier when absent.</summary>
    public string? Infringement { get; init; }

    /// <summary>DSK: the severity factor applied to the daily rate.</summary>
    public decimal? Factor { get; init; }

    public string? FactorReason { get; init; }
}

/// <summary>Reads the JSON input of <c>aufsicht fine</c> and <c>POST /api/v1/fines</c>; every error names its field.</summary>
public static class FineInputReader
{
    public static IReadOnlyList<string> SeriousnessLevels { get; } = ["low", "medium", "high"];

    public static IReadOnlyList<string> InfringementKinds { get; } = ["formal", "material"];

    /// <summary>The factors of Art. 83(2) GDPR, <c>83(2)(a)</c> … <c>83(2)(k)</c>.</summary>
    public static IReadOnlyList<string> Factors { get; } = Enumerable.Range(0, 11).Select(i => $"83(2)({(char)('a' + i)})").ToArray();

    private static readonly string[] Fields =
    [
        "method", "turnover", "controller", "tier", "infringements", "seriousness", "startingPercent", "startingPercentReason",
        "turnoverFactor", "turnoverFactorReason", "adjustments", "infringement", "factor", "factorReason",
    ];

    public static Result<FineInput> Read(ReadOnlyMemory<byte> utf8)
    {
        var parsed = ProfileReader.ParseDocument(utf8);
        if (!parsed.IsOk)
        {
            return Result<FineInput>.Fail(parsed.Errors);
        }

        using var document = parsed.Value;
        return Read(document.RootElement);
    }

    public static Result<FineInput> Read(JsonElement root)
    {
        var errors = new List<Error>();
        var r = ObjectReader.Open(root, string.Empty, errors);
        if (r is null)
        {
            return Result<FineInput>.Fail(errors);
        }

        r.RejectUnknown(Fields);
        var method = r.Enum("method", FineMethodTable.MethodIds, allowUnknown: false);
        var controller = ReadController(r.Object("controller"));
        var turnover = FineMethodReader.Decimal(r, "turnover", required: false);
        if (turnover < 0)
        {
            r.Invalid("turnover", "fines.negative");
        }

        var tier = r.Has("tier") ? r.Enum("tier", FineMethodTable.TierIds, allowUnknown: false) : null;
        List<FineInfringement>? infringements = null;
        if (r.Has("infringements"))
        {
            infringements = [];
            foreach (var (element, path) in r.Array("infringements") ?? [])
            {
                var i = ObjectReader.Open(element, path, errors);
                if (i is null)
                {
                    continue;
                }

                i.RejectUnknown(["articles", "conduct"]);
                var articles = new List<string>();
                foreach (var (article, articlePath) in i.Array("articles") ?? [])
                {
                    if (article.ValueKind == JsonValueKind.String && article.GetString() is { Length: > 0 and <= 100 } text)
                    {
                        articles.Add(text);
                    }
                    else
                    {
                        errors.Add(Error.Invalid(articlePath, "datafile.notString", ObjectReader.Describe(article)));
                    }
                }

                if (articles.Count == 0 && i.Has("articles"))
                {
                    i.Invalid("articles", "datafile.empty");
                }

                var conduct = i.Has("conduct") ? i.Raw("conduct") ?? i.String("conduct", maxLength: 100) : "1";
                if (conduct is not null && articles.Count > 0)
                {
                    infringements.Add(new FineInfringement(articles, conduct));
                }
            }

            if (infringements.Count == 0 && errors.Count == 0)
            {
                r.Invalid("infringements", "datafile.empty");
            }
        }

        if (tier is not null && infringements is not null)
        {
            r.Invalid("infringements", "fines.tierAndInfringements");
        }

        var seriousness = r.Has("seriousness") ? r.Enum("seriousness", SeriousnessLevels, allowUnknown: false) : null;
        var startingPercent = Fraction(r, "startingPercent");
        var startingReason = r.String("startingPercentReason", required: false, maxLength: 4000);
        var turnoverFactor = Fraction(r, "turnoverFactor");
        var turnoverReason = r.String("turnoverFactorReason", required: false, maxLength: 4000);
        var adjustments = new List<FineAdjustment>();
        foreach (var (element, path) in r.Array("adjustments", required: false) ?? [])
        {
            var a = ObjectReader.Open(element, path, errors);
            if (a is null)
            {
                continue;
            }

            a.RejectUnknown(["factor", "percent", "reason"]);
            var factor = a.Enum("factor", Factors, allowUnknown: false);
            var percent = FineMethodReader.Decimal(a, "percent");
            if (percent is < -1000 or > 1000)
            {
                a.Invalid("percent", "fines.percentRange");
                percent = null;
            }

            var reason = a.String("reason", maxLength: 4000);
            if (factor is not null && percent is not null && reason is not null && !string.IsNullOrWhiteSpace(reason))
            {
                adjustments.Add(new FineAdjustment(factor, percent.Value, reason));
            }
        }

        var kind = r.Has("infringement") ? r.Enum("infringement", InfringementKinds, allowUnknown: false) : null;
        var severity = FineMethodReader.Decimal(r, "factor", required: false);
        if (severity < 0)
        {
            r.Invalid("factor", "fines.negative");
        }

        var factorReason = r.String("factorReason", required: false, maxLength: 4000);
        if (errors.Count > 0 || method is null || controller is null)
        {
            return Result<FineInput>.Fail(errors);
        }

        return Result<FineInput>.Ok(new FineInput
        {
            Method = method,
            Controller = controller,
            Turnover = turnover,
            Tier = tier,
            Infringements = infringements,
            Seriousness = seriousness,
            StartingPercent = startingPercent,
            StartingPercentReason = startingReason,
            TurnoverFactor = turnoverFactor,
            TurnoverFactorReason = turnoverReason,
            Adjustments = adjustments,
            Infringement = kind,
            Factor = severity,
            FactorReason = factorReason,
        });
    }

    /// <summary>The controller facts: <c>{"publicBody", "inCompetition", "country", "state"}</c>.</summary>
    internal static Controller? ReadController(ObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        r.RejectUnknown(["publicBody", "inCompetition", "country", "state"]);
        var publicBody = r.Bool("publicBody", allowUnknown: false);
        var competing = r.Bool("inCompetition", allowUnknown: false, required: false) ?? false;
        var country = r.String("country", pattern: Patterns.Country);
        var state = r.Has("state") ? r.Enum("state", JurisdictionReader.GermanStates, allowUnknown: false) : null;
        if (competing && publicBody == false)
        {
            r.Invalid("inCompetition", "fines.competingNonPublic");
            return null;
        }

        return publicBody is null || country is null ? null : new Controller(publicBody.Value, competing, country, state);
    }

    private static decimal? Fraction(ObjectReader r, string name)
    {
        var value = FineMethodReader.Decimal(r, name, required: false);
        if (value is < 0 or > 1)
        {
            r.Invalid(name, "fines.fraction", value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        return value;
    }
}
