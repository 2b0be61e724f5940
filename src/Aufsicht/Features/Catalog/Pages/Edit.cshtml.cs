using System.Globalization;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Catalog.Pages;

/// <summary>A supervisor corrects a fact: one fact and value, the date it applies from, the source and why.</summary>
[Authorize(Policy = Roles.CanEditCatalogue)]
internal sealed class EditModel(CatalogStore store, AufsichtDb db, TimeProvider clock) : AppPage
{
    public string Id { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;



    public string? Fact { get; private set; }

    public string FactsAsOf { get; private set; } = string.Empty;

    public string? SourceUrl { get; private set; }

    public string SourceSeen { get; private set; } = string.Empty;

    public string? Reason { get; private set; }

    public int? Revision { get; private set; }

    internal FactChangeRecord? Saved { get; private set; }

    private Core.Catalog.ServiceProfile? _snapshot;

    public async Task<IActionResult> OnGetAsync(string id, string? asOf, CancellationToken cancel)
    {
        if (!await LoadAsync(id, asOf, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        SourceSeen = Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string? fact, string? factsAsOf, string? sourceUrl, string? sourceSeen, string? reason, int? revision, [FromServices] EditFact editFact, CancellationToken cancel)
    {
        if (!await LoadAsync(id, factsAsOf, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        (Fact, SourceUrl, Reason) = (fact, sourceUrl, reason);
        SourceSeen = sourceSeen ?? string.Empty;
        var parts = (fact ?? string.Empty).Split('=', 2);
        var date = ParseDate(factsAsOf);
        var edit = new FactEdit(id, parts[0], parts.Length == 2 ? parts[1] : string.Empty, date ?? default, revision, sourceUrl ?? string.Empty, ParseDate(sourceSeen), reason ?? string.Empty);
        var user = User.Identity?.Name ?? "?";
        var result = date is null
            ? Core.Error.Invalid("factsAsOf", "edit.error.factsAsOf")
            : await editFact.RunAsync(edit, user, cancel).ConfigureAwait(true);
        if (!result.IsOk)
        {
            // Each message led by the field it is about, as the form names it.
            return Fail(Failures.Status(result.Errors), result.Errors.Select(e => $"{Label(e.Field)}: {Failures.Message(e, Language)}").ToArray());
        }

        Saved = result.Value;
        await LoadAsync(id, factsAsOf, cancel).ConfigureAwait(true);
        (Fact, Reason, SourceUrl) = (null, null, null);
        return Page();
    }

    internal string Current(string path) => _snapshot is null ? "—" : path switch
    {
        "operatingModel" => _snapshot.OperatingModel,
        "processing.providerCanReadContent" => _snapshot.ProviderCanReadContent switch { true => "true", false => "false", _ => "unknown" },
        _ => _snapshot.Fact(path),
    };

    private async Task<bool> LoadAsync(string id, string? asOf, CancellationToken cancel)
    {
        if (!store.Catalog.Contains(id))
        {
            return false;
        }

        Id = id;
        var date = ParseDate(asOf) ?? Today();
        _snapshot = store.Catalog.SnapshotOn(id, date) ?? store.Catalog.Latest(id);
        Name = _snapshot!.Name;
        FactsAsOf = (ParseDate(asOf) ?? _snapshot.FactsAsOf).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var snapshotDate = ParseDate(FactsAsOf)!.Value;
        Revision = await db.Snapshots.Where(s => s.ServiceId == id && s.FactsAsOf == snapshotDate).Select(s => (int?)s.Revision)
            .FirstOrDefaultAsync(cancel).ConfigureAwait(true);
        return true;
    }

    private string Label(string path) => Texts.Has("edit." + path) ? Texts.T(Language, "edit." + path) : path;

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
