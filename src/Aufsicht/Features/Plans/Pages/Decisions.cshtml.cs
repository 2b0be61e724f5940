using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Plans.Pages;

/// <summary>One entry of the log as the page shows it: its number in the plan's log (1, 2, …) and the number of the entry it corrects.</summary>
internal sealed record DecisionLine(PlanDecisionRecord Record, int Number, int? Corrects);

/// <summary>
/// A plan's decision log, oldest first, each correction shown under the entry it corrects; a form appends an entry
/// (<see cref="PlanDecisions"/>). There is no edit or delete: the database refuses both.
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class DecisionsModel(PlanProgressReader reader, PlanDecisions decisions) : AppPage
{
    internal PlanPackagesView View { get; private set; } = null!;

    /// <summary>The entries in reading order: each entry that corrects none, followed by its corrections (and theirs), oldest first.</summary>
    internal IReadOnlyList<DecisionLine> Lines { get; private set; } = [];

    public bool CanChange { get; private set; }

    internal DecisionInput Input { get; private set; } = new(null, null, null, null, null);

    public IReadOnlySet<string> Invalid { get; private set; } = new HashSet<string>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel) =>
        await LoadAsync(id, cancel).ConfigureAwait(true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, string? date, string? decidedBy, string? subject, string? text, long? corrects, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true))
        {
            return Forbid();
        }

        var input = new DecisionInput(date, decidedBy, subject, text, corrects);
        var added = await decisions.AddAsync(id, input, User.Identity?.Name ?? "", cancel).ConfigureAwait(true);
        if (added.IsOk)
        {
            return RedirectToPage("/Plans/Pages/Decisions", null, new { id }, "eintrag-" + added.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!await LoadAsync(id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        Input = input;
        Invalid = added.Errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        return Fail(added.Errors);
    }

    private async Task<bool> LoadAsync(long planId, CancellationToken cancel)
    {
        if (await reader.PackagesAsync(planId, cancel).ConfigureAwait(true) is not { } view)
        {
            return false;
        }

        View = view;
        var records = await reader.DecisionsAsync(planId, cancel).ConfigureAwait(true);
        var number = records.Select((r, i) => (r.Id, N: i + 1)).ToDictionary(x => x.Id, x => x.N);
        var children = records.Where(r => r.CorrectsId is { } c && number.ContainsKey(c)).ToLookup(r => r.CorrectsId!.Value);
        var lines = new List<DecisionLine>();
        void Add(PlanDecisionRecord r)
        {
            lines.Add(new DecisionLine(r, number[r.Id], r.CorrectsId is { } c && number.TryGetValue(c, out var n) ? n : null));
            foreach (var child in children[r.Id])
            {
                Add(child);
            }
        }

        foreach (var root in records.Where(r => r.CorrectsId is not { } c || !number.ContainsKey(c)))
        {
            Add(root);
        }

        Lines = lines;
        CanChange = await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true);
        return true;
    }
}
