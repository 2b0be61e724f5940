using System.Text.Json;
using System.Text.Json.Serialization;
using Aufsicht.Core.Law;
using Aufsicht.Core.Migration;

namespace Aufsicht.Features.Plans;

/// <summary>
/// One pillar's target as a plan chose it: the target (a candidate's or a bundle's id) and its name in the view's language
/// (a bundle with the component that covers the pillar: „openDesk (Collabora Online)“), how it was chosen and how many
/// bodies it concerns.
/// </summary>
internal sealed record PlanTargetRow(Pillar Pillar, string Target, string Name, TargetStatus Status, int Bodies);

/// <summary>A product line that got no target (none of its pillar is green in the authority's view), its product's name in the view's language, and why.</summary>
internal sealed record PlanFlaggedLine(long BodyId, string Product, string ProductName, NoTargetReason Reason);

/// <summary>The targets a plan was created with: per pillar what moves where, what already is a target, and the lines left without one.</summary>
internal sealed record PlanTargetSummary(IReadOnlyList<PlanTargetRow> Rows, IReadOnlyList<PlanFlaggedLine> Flagged);

/// <summary>
/// The target choice of a plan, kept with the plan (<c>TargetsJson</c>) when it is created: the verdicts it was made with
/// are those of that day, so the page shows what the packages were generated from, not today's catalogue. Stored as ids
/// and wire names, worded by the page in its language (<see cref="Migration.MigrationPlanText.Reason"/>).
/// </summary>
internal static class PlanTargets
{
    public static string ToJson(string? bundle, IReadOnlyList<TargetChoice> choices)
    {
        var rows = choices.Where(c => c.Status != TargetStatus.NoTarget && c.Target is not null)
            .GroupBy(c => (c.Line.Pillar, Target: c.Target!, c.Status))
            .OrderBy(g => g.Key.Pillar).ThenBy(g => g.Key.Status)
            .Select(g => new StoredRow(MigrationNames.Wire(g.Key.Pillar), g.Key.Target, MigrationNames.Wire(g.Key.Status), g.Select(c => c.Line.BodyId).Distinct().Count()))
            .ToList();
        var flagged = choices.Where(c => c.Status == TargetStatus.NoTarget && c.Reason is not null)
            .Select(c => new StoredFlag(c.Line.BodyId, c.Line.Product, c.Reason!.Key, MigrationNames.Wire(c.Reason.Pillar),
                [.. c.Reason.Verdicts.Select(v => new StoredVerdict(v.Candidate.Id, v.Verdict?.WireName()))], c.Reason.Bundle?.Id))
            .ToList();
        return JsonSerializer.Serialize(new Stored(bundle, rows, flagged), Options);
    }

    /// <summary>The stored choice; null for a plan created before choices were kept (only its bundle is stored).</summary>
    public static PlanTargetSummary? Read(string json, MigrationData data, Language language)
    {
        ArgumentNullException.ThrowIfNull(data);
        var targets = data.Targets;
        var stored = JsonSerializer.Deserialize<Stored>(json, Options);
        if (stored?.Rows is null)
        {
            return null;
        }

        var rows = stored.Rows.Select(r => MigrationNames.TryParse<Pillar>(r.Pillar, out var p) && MigrationNames.TryParse<TargetStatus>(r.Status, out var status)
                ? new PlanTargetRow(p, r.Target, Name(targets, r.Target, p, language), status, r.Bodies)
                : null)
            .OfType<PlanTargetRow>().ToList();
        var candidates = targets.ByPillar.Values.SelectMany(c => c).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var flagged = new List<PlanFlaggedLine>();
        foreach (var f in stored.Flagged ?? [])
        {
            if (!MigrationNames.TryParse<Pillar>(f.Pillar, out var pillar))
            {
                continue;
            }

            // A candidate the shipped file no longer has keeps its id as its name: the choice was made with it.
            var verdicts = f.Candidates.Select(v => new CandidateVerdict(
                candidates.GetValueOrDefault(v.Id) ?? new TargetCandidate(v.Id, v.Id, false, []),
                v.Verdict is { } w && Levels.TryParseVerdict(w, out var verdict) ? verdict : null)).ToList();
            var bundle = f.Bundle is { } b ? targets.Bundles.FirstOrDefault(x => x.Id == b) : null;
            flagged.Add(new PlanFlaggedLine(f.Body, f.Product, data.ProductName(f.Product, language), new NoTargetReason(f.Key, pillar, verdicts, bundle)));
        }

        return new PlanTargetSummary(rows, flagged);
    }

    /// <summary>A target's name in the language: a candidate's, or a bundle's with its component for the pillar; its id only for one the shipped file no longer has.</summary>
    private static string Name(TargetCatalogue targets, string id, Pillar pillar, Language language) =>
        targets.Bundles.FirstOrDefault(b => b.Id == id) is { } bundle && bundle.Components.FirstOrDefault(c => c.Pillar == pillar) is { } component
            ? $"{bundle.NameIn(language)} ({component.NameIn(language)})"
            : targets.NameOf(id, language) ?? id;

    /// <summary>The key of a status's words on the page (<c>plans.targets.status.*</c>).</summary>
    public static string StatusKey(TargetStatus status) => "plans.targets.status." + MigrationNames.Wire(status);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private sealed record Stored(string? Bundle, List<StoredRow>? Rows, List<StoredFlag>? Flagged);

    private sealed record StoredRow(string Pillar, string Target, string Status, int Bodies);

    private sealed record StoredFlag(long Body, string Product, string Key, string Pillar, List<StoredVerdict> Candidates, string? Bundle);

    private sealed record StoredVerdict(string Id, string? Verdict);
}
