using System.Text.Json;
using System.Text.Json.Nodes;
using Aufsicht.Core;
using Aufsicht.Core.Catalog;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Catalog;

/// <summary>
/// A supervisor's change of one fact, with the source that supports it, the passage of that source quoted in its
/// language, the reasoning if the value is inferred from the passage rather than stated, and why.
/// </summary>
internal sealed record FactEdit(
    string ServiceId, string Path, string Value, DateOnly FactsAsOf, int? Revision, string SourceUrl, DateOnly? SourceSeen, string Reason,
    string Passage = "", string PassageLang = "", string Inferred = "");

/// <summary>
/// Changes one fact of a service: in the snapshot of that date, or in a new snapshot from that date built on the one
/// before. The fact gets its source, the change an audit record (who, when, what, why), the catalogue a new version.
/// An edit based on an outdated revision is refused as a conflict, never applied over someone else's change.
/// </summary>
internal sealed class EditFact(AufsichtDb db, CatalogStore store, TimeProvider clock)
{
    /// <summary>The facts a supervisor may edit, with their allowed values (best first, then unknown / not-applicable).</summary>
    public static IReadOnlyDictionary<string, string[]> Editable { get; } =
        FactDomains.Contract.ToDictionary(kv => kv.Key, kv => kv.Value.Append(FactDomains.Unknown).ToArray(), StringComparer.Ordinal)
            .Concat(FactDomains.Technical.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Append(FactDomains.Unknown).Append(FactDomains.NotApplicable).ToArray())))
            .Append(KeyValuePair.Create("operatingModel", FactDomains.OperatingModels.Append(FactDomains.Unknown).ToArray()))
            .Append(KeyValuePair.Create("processing.providerCanReadContent", new[] { "true", "false", FactDomains.Unknown }))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>
    /// The editable facts in the groups a case handler looks for them in (each group's text key, then its paths):
    /// the contract, transfers and processing (the operating model and what the provider can read), the technique.
    /// </summary>
    public static IReadOnlyList<(string Key, IReadOnlyList<string> Paths)> Groups { get; } =
    [
        ("edit.group.contract", [.. Editable.Keys.Where(p => p.StartsWith("contract.", StringComparison.Ordinal))]),
        ("edit.group.processing", [.. Editable.Keys.Where(p => !p.StartsWith("contract.", StringComparison.Ordinal) && !p.StartsWith("technical.", StringComparison.Ordinal))]),
        ("edit.group.technical", [.. Editable.Keys.Where(p => p.StartsWith("technical.", StringComparison.Ordinal))]),
    ];

    /// <summary>The languages a quoted passage may be in, as the form offers them (ISO 639-1).</summary>
    public static IReadOnlyList<string> PassageLanguages { get; } = ["de", "en", "fr", "nl", "da", "it", "es"];

    public async Task<Result<FactChangeRecord>> RunAsync(FactEdit edit, string user, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var errors = Validate(edit);
        if (errors.Count > 0)
        {
            return Result<FactChangeRecord>.Fail(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var snapshots = await db.Snapshots.Where(s => s.ServiceId == edit.ServiceId).OrderBy(s => s.FactsAsOf).ToListAsync(cancel).ConfigureAwait(false);
        var row = snapshots.SingleOrDefault(s => s.FactsAsOf == edit.FactsAsOf);
        var basis = row ?? snapshots.LastOrDefault(s => s.FactsAsOf <= edit.FactsAsOf);
        if (basis is null)
        {
            return Error.Invalid("factsAsOf", "edit.error.noBasis", Short(edit.ServiceId), edit.FactsAsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (row is not null && edit.Revision is { } revision && revision != row.Revision)
        {
            return Error.Conflict("revision", "edit.error.stale");
        }

        var profile = JsonNode.Parse(basis.ProfileJson)!.AsObject();
        var old = Read(profile, edit.Path);
        Write(profile, edit.Path, edit.Value);
        profile["factsAsOf"] = edit.FactsAsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var sources = profile["sources"] as JsonArray ?? [];
        var source = new JsonObject
        {
            ["url"] = edit.SourceUrl,
            ["seen"] = edit.SourceSeen!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["about"] = edit.Path,
            ["note"] = edit.Reason,
        };
        if (edit.Passage.Trim() is { Length: > 0 } passage)
        {
            (source["passage"], source["lang"]) = (passage, edit.PassageLang);
        }

        if (edit.Inferred.Trim() is { Length: > 0 } inferred)
        {
            // Written once, in the handler's language; shown as written on both pages, like the reason.
            source["inferred"] = new JsonObject { ["de"] = inferred, ["en"] = inferred };
        }

        sources.Add(source);
        profile["sources"] = sources;
        var json = profile.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var check = ProfileReader.ReadService(System.Text.Encoding.UTF8.GetBytes(json));
        if (!check.IsOk)
        {
            return Result<FactChangeRecord>.Fail(check.Errors);
        }

        if (row is null)
        {
            row = new SnapshotRecord { ServiceId = edit.ServiceId, FactsAsOf = edit.FactsAsOf, ProfileJson = json, Origin = SnapshotOrigin.Edited };
            db.Snapshots.Add(row);
        }

        (row.ProfileJson, row.Origin, row.UpdatedAt, row.UpdatedBy) = (json, SnapshotOrigin.Edited, now, user);
        row.Revision++;
        var change = new FactChangeRecord
        {
            ServiceId = edit.ServiceId,
            FactsAsOf = edit.FactsAsOf,
            Path = edit.Path,
            OldValue = old,
            NewValue = edit.Value,
            Reason = edit.Reason,
            SourceUrl = edit.SourceUrl,
            SourceSeen = edit.SourceSeen.Value,
            User = user,
            ChangedAt = now,
        };
        db.FactChanges.Add(change);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
            await CatalogVersion.BumpAsync(db, cancel).ConfigureAwait(false);
            await transaction.CommitAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("revision", "edit.error.concurrent");
        }

        // Not cancelled with the request: the edit is saved, and this instance should show it from now on.
        await store.ReloadAsync(CancellationToken.None).ConfigureAwait(false);
        return Result<FactChangeRecord>.Ok(change);
    }

    private List<Error> Validate(FactEdit edit)
    {
        var errors = new List<Error>();
        if (!store.Catalog.Contains(edit.ServiceId))
        {
            errors.Add(Error.NotFound("service", "edit.error.unknownService", Short(edit.ServiceId)));
        }

        if (edit.Path.Length == 0)
        {
            errors.Add(Error.Invalid("fact", "edit.error.noFact"));
        }
        else if (!Editable.TryGetValue(edit.Path, out var values))
        {
            errors.Add(Error.Invalid("fact", "edit.error.notEditable", Short(edit.Path)));
        }
        else if (edit.Value.Length == 0)
        {
            errors.Add(Error.Invalid("value", "edit.error.noValue"));
        }
        else if (!values.Contains(edit.Value, StringComparer.Ordinal))
        {
            errors.Add(Error.Invalid("value", "edit.error.value", edit.Path, Short(edit.Value), string.Join(", ", values)));
        }
        else if (edit.Value is not (FactDomains.Unknown or FactDomains.NotApplicable)
            && store.Catalog.Latest(edit.ServiceId) is { } service
            && !SourceCoverage.Applies(edit.Path, service.Category, store.Data.Criteria))
        {
            // As validate refuses it in a file: the engine would not look at it (a recording indicator for an office suite).
            errors.Add(Error.Invalid("value", "edit.error.inapplicable", edit.Path, service.Category));
        }

        if (!Uri.TryCreate(edit.SourceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || edit.SourceUrl.Length > 2000)
        {
            errors.Add(Error.Invalid("sourceUrl", "edit.error.sourceUrl"));
        }
        else if (!SourceCoverage.IsCitable(edit.SourceUrl))
        {
            // As validate refuses it in a file: a case handler cites the page, not a proxy's copy of it.
            errors.Add(Error.Invalid("sourceUrl", "edit.error.sourceNotCitable"));
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (edit.SourceSeen is not { } seen || seen > today)
        {
            errors.Add(Error.Invalid("sourceSeen", "edit.error.sourceSeen"));
        }

        // A known value needs the words that support it (issue 15); unknown and not applicable need none.
        var passage = edit.Passage.Trim();
        var known = edit.Value is not (FactDomains.Unknown or FactDomains.NotApplicable or "");
        if ((known && passage.Length == 0) || passage.Length > 1000 || HasControl(passage))
        {
            errors.Add(Error.Invalid("passage", "edit.error.passage"));
        }

        if (passage.Length > 0 && !PassageLanguages.Contains(edit.PassageLang, StringComparer.Ordinal))
        {
            errors.Add(Error.Invalid("passageLang", "edit.error.passageLang"));
        }

        if (edit.Inferred.Trim() is { } inferred && (inferred.Length > 1000 || HasControl(inferred) || (inferred.Length > 0 && passage.Length == 0)))
        {
            errors.Add(Error.Invalid("inferred", "edit.error.inferred"));
        }

        var reason = edit.Reason.Trim();
        if (reason.Length < 5 || reason.Length > 2000 || HasControl(reason))
        {
            errors.Add(Error.Invalid("reason", "edit.error.reason"));
        }

        return errors;
    }

    private static bool HasControl(string text) => text.Any(c => char.IsControl(c) && c is not ('\n' or '\r'));

    private static string? Read(JsonObject profile, string path)
    {
        JsonNode? node = profile;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return node?.ToJsonString().Trim('"');
    }

    private static void Write(JsonObject profile, string path, string value)
    {
        var parts = path.Split('.');
        var parent = profile;
        foreach (var part in parts[..^1])
        {
            parent = parent[part] as JsonObject ?? (JsonObject)(parent[part] = new JsonObject());
        }

        parent[parts[^1]] = value switch
        {
            "true" when path is "processing.providerCanReadContent" or "technical.browserClient" => JsonValue.Create(true),
            "false" when path is "processing.providerCanReadContent" or "technical.browserClient" => JsonValue.Create(false),
            _ => JsonValue.Create(value),
        };
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
