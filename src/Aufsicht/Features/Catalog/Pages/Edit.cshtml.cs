using System.Globalization;
using Aufsicht.Core.Catalog;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Catalog.Pages;

/// <summary>
/// A supervisor corrects a fact in two steps that need no script: first the fact, by its name in its group (a GET,
/// <c>?fact=path</c>); then, seeing its current value and the sources behind it, the new value from labelled choices,
/// the date it applies from, the source and why. The form posts <c>fact=path=value</c>, as before the steps existed.
/// </summary>
[Authorize(Policy = Roles.CanEditCatalogue)]
internal sealed class EditModel(CatalogStore store, AufsichtDb db, TimeProvider clock) : AppPage
{
    public string Id { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>The fact of step 2, if one is chosen (an editable path).</summary>
    public string? Chosen { get; private set; }

    /// <summary>The value chosen for it in a refused post, to keep it checked.</summary>
    public string? Value { get; private set; }

    public string FactsAsOf { get; private set; } = string.Empty;

    public string? SourceUrl { get; private set; }

    public string SourceSeen { get; private set; } = string.Empty;

    public string? Reason { get; private set; }

    public string? Passage { get; private set; }

    public string? PassageLang { get; private set; }

    public string? Inferred { get; private set; }

    public int? Revision { get; private set; }

    internal FactChangeRecord? Saved { get; private set; }

    /// <summary>The latest changes of this service, newest first.</summary>
    internal IReadOnlyList<FactChangeRecord> Changes { get; private set; } = [];

    internal ServiceProfile? Snapshot { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? asOf, string? fact, CancellationToken cancel)
    {
        if (!await LoadAsync(id, asOf, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        SourceSeen = Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(fact))
        {
            if (!EditFact.Editable.ContainsKey(fact))
            {
                return Fail(StatusCodes.Status400BadRequest, [$"{Label("fact")}: {Texts.T(Language, "edit.error.notEditable", fact.Length <= 60 ? fact : fact[..57] + "...")}"]);
            }

            Chosen = fact;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string? fact, string? factsAsOf, string? sourceUrl, string? sourceSeen, string? reason, string? passage, string? passageLang, string? inferred, int? revision, [FromServices] EditFact editFact, CancellationToken cancel)
    {
        if (!await LoadAsync(id, factsAsOf, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        (SourceUrl, Reason, Passage, PassageLang, Inferred) = (sourceUrl, reason, passage, passageLang, inferred);
        SourceSeen = sourceSeen ?? string.Empty;
        var parts = (fact ?? string.Empty).Split('=', 2);
        (Chosen, Value) = (EditFact.Editable.ContainsKey(parts[0]) ? parts[0] : null, parts.Length == 2 ? parts[1] : null);
        var date = ParseDate(factsAsOf);
        var edit = new FactEdit(id, parts[0], parts.Length == 2 ? parts[1] : string.Empty, date ?? default, revision, sourceUrl ?? string.Empty, ParseDate(sourceSeen), reason ?? string.Empty, passage ?? string.Empty, passageLang ?? string.Empty, inferred ?? string.Empty);
        var user = User.Identity?.Name ?? "?";
        var result = date is null
            ? Core.Error.Invalid("factsAsOf", "edit.error.factsAsOf")
            : await editFact.RunAsync(edit, user, cancel).ConfigureAwait(true);
        if (!result.IsOk)
        {
            // Each message led by the field it is about, as the form names it.
            return Fail(Failures.Status(result.Errors), result.Errors.Select(e => $"{Label(e.Field)}: {Message(e)}").ToArray());
        }

        Saved = result.Value;
        await LoadAsync(id, factsAsOf, cancel).ConfigureAwait(true);
        (Value, Reason, SourceUrl, Passage, PassageLang, Inferred) = (null, null, null, null, null, null);
        return Page();
    }

    /// <summary>A fact's name in the page's language.</summary>
    internal string FactName(string path) => store.Texts.FactName(path, Language);

    /// <summary>A value's name for a fact in the page's language; no value (a fact newly set) is a dash.</summary>
    internal string ValueName(string path, string? value) => value is null ? "—" : store.Texts.ValueName(path, value, Language);

    /// <summary>The value a fact has in the snapshot shown, as the profile gives it.</summary>
    internal string Current(string path) => Snapshot is null ? FactDomains.Unknown : path switch
    {
        "operatingModel" => Snapshot.OperatingModel,
        "processing.providerCanReadContent" => Snapshot.ProviderCanReadContent switch { true => "true", false => "false", _ => FactDomains.Unknown },
        _ => Snapshot.Fact(path),
    };

    /// <summary>The sources of the snapshot shown that support a fact.</summary>
    internal IReadOnlyList<Source> SourcesOf(string path) => Snapshot is null ? [] : SourceCoverage.SourcesOf(Snapshot, path);

    private async Task<bool> LoadAsync(string id, string? asOf, CancellationToken cancel)
    {
        if (!store.Catalog.Contains(id))
        {
            return false;
        }

        Id = id;
        var date = ParseDate(asOf) ?? Today();
        Snapshot = store.Catalog.SnapshotOn(id, date) ?? store.Catalog.Latest(id);
        Name = Snapshot!.Names.In(Language);
        FactsAsOf = (ParseDate(asOf) ?? Snapshot.FactsAsOf).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var snapshotDate = ParseDate(FactsAsOf)!.Value;
        Revision = await db.Snapshots.Where(s => s.ServiceId == id && s.FactsAsOf == snapshotDate).Select(s => (int?)s.Revision)
            .FirstOrDefaultAsync(cancel).ConfigureAwait(true);
        Changes = await db.FactChanges.Where(c => c.ServiceId == id).OrderByDescending(c => c.ChangedAt).Take(10).ToListAsync(cancel).ConfigureAwait(true);
        return true;
    }

    /// <summary>An error's message; the allowed values of a refused one by their names, not their keys.</summary>
    private string Message(Core.Error error) => error.Key switch
    {
        "edit.error.value" when EditFact.Editable.TryGetValue(error.Args[0], out var values) =>
            Texts.T(Language, error.Key, FactName(error.Args[0]), error.Args[1], string.Join(", ", values.Select(v => Quoted(ValueName(error.Args[0], v))))),
        "edit.error.inapplicable" => Texts.T(Language, error.Key, FactName(error.Args[0]), Texts.T(Language, "category." + error.Args[1])),
        "edit.error.noBasis" when ParseDate(error.Args[1]) is { } date => Texts.T(Language, error.Key, Name, LocalDates.Day(date, Language)),
        _ => Failures.Message(error, Language),
    };

    private string Quoted(string text) => Language == Core.Law.Language.De ? $"„{text}“" : $"\"{text}\"";

    private string Label(string field) => Texts.Has("edit." + field) ? Texts.T(Language, "edit." + field) : field;

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>A date as the date field sends it (2026-11-27), or as a German reader types it where there is no such field (27.11.2026).</summary>
    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
