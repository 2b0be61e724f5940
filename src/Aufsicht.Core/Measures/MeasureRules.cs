using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;
using Aufsicht.Core.Enforcement;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Measures;

/// <summary>One rung of the escalation ladder (domain/fines.md §1): its powers, condition, text and sources.</summary>
public sealed record Rung(int Number, IReadOnlyList<Power> Powers, LocalizedText Title, LocalizedText Condition, LocalizedText Text, IReadOnlyList<Source> Sources);

/// <summary>Why a power is not available: the text, the provision and the sources. <see cref="Power"/> null: any power.</summary>
public sealed record UnavailableReason(string Id, Power? Power, LocalizedText Text, LocalizedText Basis, IReadOnlyList<Source> Sources);

/// <summary>A step of the procedure before or after a measure (a hearing, the escalation after non-compliance).</summary>
public sealed record ProcedureRule(string Id, LocalizedText Title, LocalizedText Basis, LocalizedText Explanation, IReadOnlyList<Source> Sources);

/// <summary>
/// The texts and sources of the measure recommender, read from <c>enforcement/measures.json</c>: the rungs, the
/// reasons a power is unavailable, the procedure steps and the large-scale threshold. The conditions' logic is code
/// (<see cref="MeasureRecommender"/>), keyed by rung and reason id.
/// </summary>
public sealed class MeasureRules
{
    /// <summary>The reason ids the recommender uses; the data file must word each.</summary>
    public static readonly IReadOnlyList<string> ReasonIds =
        ["a-not-planned", "planned-no-infringement", "c-no-request", "ended", "remedied", "e-no-breach", "h-no-certification", "i-culpability-none", "i-culpability-unknown", "i-not-admissible", "j-no-transfer"];

    /// <summary>The procedure step ids the recommender uses.</summary>
    public static readonly IReadOnlyList<string> ProcedureIds = ["hearing", "fine-hearing", "supervisory-hearing", "supervisory-body", "annual-report", "court"];

    private readonly Dictionary<string, UnavailableReason> _reasons;
    private readonly Dictionary<string, ProcedureRule> _procedure;

    public MeasureRules(string version, int largeScale, LocalizedText largeScaleExplanation, IReadOnlyList<Source> largeScaleSources, IEnumerable<Rung> rungs, IEnumerable<UnavailableReason> reasons, IEnumerable<ProcedureRule> procedure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(largeScale);
        Version = version;
        LargeScale = largeScale;
        LargeScaleExplanation = largeScaleExplanation;
        LargeScaleSources = largeScaleSources;
        Rungs = rungs.OrderBy(r => r.Number).ToArray();
        if (!Rungs.Select(r => r.Number).SequenceEqual(Enumerable.Range(0, 6)))
        {
            throw new ArgumentException("The ladder needs the rungs 0 to 5, once each.", nameof(rungs));
        }

        _reasons = reasons.ToDictionary(r => r.Id, StringComparer.Ordinal);
        _procedure = procedure.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var missing = ReasonIds.Where(id => !_reasons.ContainsKey(id)).Concat(ProcedureIds.Where(id => !_procedure.ContainsKey(id))).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException("The measure rules lack " + string.Join(", ", missing), nameof(reasons));
        }
    }

    public string Version { get; }

    /// <summary>From this number of data subjects a processing counts as large-scale (our design).</summary>
    public int LargeScale { get; }

    public LocalizedText LargeScaleExplanation { get; }

    public IReadOnlyList<Source> LargeScaleSources { get; }

    public IReadOnlyList<Rung> Rungs { get; }

    public UnavailableReason Reason(string id) => _reasons[id];

    public ProcedureRule Procedure(string id) => _procedure[id];
}

/// <summary>Reads <c>enforcement/measures.json</c>.</summary>
public static class MeasureRulesReader
{
    public const string File = "enforcement/measures.json";

    public static Result<MeasureRules> Read(ReadOnlyMemory<byte> utf8)
    {
        var parsed = ProfileReader.ParseDocument(utf8);
        if (!parsed.IsOk)
        {
            return Result<MeasureRules>.Fail(parsed.Errors.Select(e => e with { Field = File }).ToList());
        }

        using var document = parsed.Value;
        var errors = new List<Error>();
        var root = ObjectReader.Open(document.RootElement, string.Empty, errors);
        string? version = null;
        int? largeScale = null;
        LocalizedText? largeScaleText = null;
        List<Source> largeScaleSources = [];
        var rungs = new List<Rung>();
        var reasons = new List<UnavailableReason>();
        var procedure = new List<ProcedureRule>();
        if (root is not null)
        {
            root.RejectUnknown(["$schema", "version", "largeScale", "rungs", "reasons", "procedure"]);
            version = root.String("version");
            if (root.Object("largeScale") is { } scale)
            {
                scale.RejectUnknown(["value", "explanation", "sources"]);
                largeScale = int.TryParse(scale.Raw("value"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
                if (largeScale is null)
                {
                    scale.Invalid("value", "datafile.measures.count");
                }

                largeScaleText = scale.Text("explanation");
                largeScaleSources = DataReader.Sources(scale, aboutRequired: false);
            }

            foreach (var (element, path) in root.Array("rungs") ?? [])
            {
                if (ObjectReader.Open(element, path, errors) is { } r)
                {
                    r.RejectUnknown(["rung", "powers", "title", "condition", "text", "sources"]);
                    var number = int.TryParse(r.Raw("rung"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k) && k <= 5 ? k : (int?)null;
                    if (number is null)
                    {
                        r.Invalid("rung", "datafile.measures.rung");
                    }

                    var powers = PowerList(r, "powers");
                    var (title, condition, text) = (r.Text("title"), r.Text("condition"), r.Text("text"));
                    var sources = DataReader.Sources(r, aboutRequired: false);
                    if (number is { } num && powers is not null && title is not null && condition is not null && text is not null)
                    {
                        rungs.Add(new Rung(num, powers, title, condition, text, sources));
                    }
                }
            }

            foreach (var (element, path) in root.Array("reasons") ?? [])
            {
                if (ObjectReader.Open(element, path, errors) is { } r)
                {
                    r.RejectUnknown(["id", "power", "text", "basis", "sources"]);
                    var id = r.Enum("id", MeasureRules.ReasonIds, allowUnknown: false);
                    var power = r.Enum("power", [.. Powers.All.Select(p => p.WireName()), "*"], allowUnknown: false);
                    var (text, basis) = (r.Text("text"), r.Text("basis"));
                    var sources = DataReader.Sources(r, aboutRequired: false);
                    if (id is not null && power is not null && text is not null && basis is not null)
                    {
                        reasons.Add(new UnavailableReason(id, Powers.TryParse(power, out var p) ? p : null, text, basis, sources));
                    }
                }
            }

            foreach (var (element, path) in root.Array("procedure") ?? [])
            {
                if (ObjectReader.Open(element, path, errors) is { } r)
                {
                    r.RejectUnknown(["id", "title", "basis", "explanation", "sources"]);
                    var id = r.Enum("id", MeasureRules.ProcedureIds, allowUnknown: false);
                    var (title, basis, explanation) = (r.Text("title"), r.Text("basis"), r.Text("explanation"));
                    var sources = DataReader.Sources(r, aboutRequired: false);
                    if (id is not null && title is not null && basis is not null && explanation is not null)
                    {
                        procedure.Add(new ProcedureRule(id, title, basis, explanation, sources));
                    }
                }
            }
        }

        if (errors.Count == 0)
        {
            var numbers = rungs.Select(r => r.Number).Order().ToArray();
            if (!numbers.SequenceEqual(Enumerable.Range(0, 6)))
            {
                errors.Add(Error.Invalid("rungs", "datafile.measures.ladder"));
            }

            foreach (var missing in MeasureRules.ReasonIds.Where(id => reasons.All(r => r.Id != id)))
            {
                errors.Add(Error.Invalid("reasons", "datafile.measures.missing", missing));
            }

            foreach (var missing in MeasureRules.ProcedureIds.Where(id => procedure.All(p => p.Id != id)))
            {
                errors.Add(Error.Invalid("procedure", "datafile.measures.missing", missing));
            }
        }

        return errors.Count > 0
            ? Result<MeasureRules>.Fail(errors.Select(e => e with { Field = e.Field.Length == 0 ? File : $"{File}: {e.Field}" }).ToList())
            : Result<MeasureRules>.Ok(new MeasureRules(version!, largeScale!.Value, largeScaleText!, largeScaleSources, rungs, reasons, procedure));
    }

    private static List<Power>? PowerList(ObjectReader r, string name) =>
        r.EnumArray(name, Powers.All.Select(p => p.WireName()).ToArray())?.Select(w => Powers.TryParse(w, out var p) ? p : default).ToList();
}
