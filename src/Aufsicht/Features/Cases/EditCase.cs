using System.Globalization;
using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Cases;

/// <summary>
/// The controller facts a handler establishes in the case (issue 13 item 1): public body, public undertaking in
/// competition, Land, the undertaking's worldwide turnover and group, and what Art. 83(2) and the ladder weigh besides
/// the findings — special categories of data, the number of data subjects, intent or negligence. Texts as the form
/// posts them; empty means not known.
/// </summary>
internal sealed record CaseFacts(bool PublicBody, bool InCompetition, string? Land, string? Turnover, string? Group, string? SpecialCategories, string? DataSubjects, string? Culpability);

/// <summary>
/// Changes a case outside its workflow: who handles it, and its controller facts. Each change is refused on a stale
/// revision, like a step, and written to the audit log in the same save.
/// </summary>
internal sealed class EditCase(AufsichtDb db, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Culpabilities = ["intent", "negligence", "none"];

    /// <summary>Hands the case to <paramref name="handlerId"/>, an account that may handle cases.</summary>
    public async Task<Result<CaseRecord>> AssignAsync(long caseId, int revision, string? handlerId, string actor, CancellationToken cancel)
    {
        var record = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancel).ConfigureAwait(false);
        if (record is null)
        {
            return Error.NotFound("id", "case.unknown");
        }

        if (record.Revision != revision)
        {
            return Error.Conflict("revision", "case.changed");
        }

        var handlers = await HandlersAsync(db, cancel).ConfigureAwait(false);
        var handler = handlers.FirstOrDefault(h => h.Id == handlerId);
        if (handler.Id is null)
        {
            return Error.Invalid("handler", "case.handler.unknown");
        }

        if (record.HandlerId == handler.Id)
        {
            return Result<CaseRecord>.Ok(record);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = record.HandlerId is { } old ? handlers.Where(h => h.Id == old).Select(h => h.Name).FirstOrDefault() ?? old : null;
        record.HandlerId = handler.Id;
        return await SaveAsync(record, now, actor, "case.assign", new { handlerFrom = from, handlerTo = handler.Name }, cancel).ConfigureAwait(false);
    }

    /// <summary>Corrects the controller facts; every field is checked before anything changes.</summary>
    public async Task<Result<CaseRecord>> FactsAsync(long caseId, int revision, CaseFacts facts, string actor, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var record = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancel).ConfigureAwait(false);
        if (record is null)
        {
            return Error.NotFound("id", "case.unknown");
        }

        if (record.Revision != revision)
        {
            return Error.Conflict("revision", "case.changed");
        }

        var errors = new List<Error>();
        var land = string.IsNullOrWhiteSpace(facts.Land) ? null : facts.Land.Trim().ToUpperInvariant();
        if (land is not null && !Core.Deadlines.Laender.Codes.Contains(land))
        {
            errors.Add(Error.Invalid("land", "case.facts.land.unknown", facts.Land!.Trim()));
        }

        long? turnoverCents = null;
        if (!string.IsNullOrWhiteSpace(facts.Turnover))
        {
            if (Amount(facts.Turnover) is { } amount)
            {
                turnoverCents = (long)(amount * 100);
            }
            else
            {
                errors.Add(Error.Invalid("turnover", "case.facts.turnover.invalid", facts.Turnover.Trim()));
            }
        }

        int? subjects = null;
        if (!string.IsNullOrWhiteSpace(facts.DataSubjects))
        {
            if (int.TryParse(facts.DataSubjects.Trim().Replace(".", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                subjects = n;
            }
            else
            {
                errors.Add(Error.Invalid("dataSubjects", "case.facts.dataSubjects.invalid", facts.DataSubjects.Trim()));
            }
        }

        bool? special = facts.SpecialCategories switch
        {
            "yes" => true,
            "no" => false,
            _ => null,
        };
        if (facts.SpecialCategories is { Length: > 0 } s && s is not ("yes" or "no"))
        {
            errors.Add(Error.Invalid("specialCategories", "case.facts.choice"));
        }

        var culpability = string.IsNullOrWhiteSpace(facts.Culpability) ? null : facts.Culpability;
        if (culpability is not null && !Culpabilities.Contains(culpability))
        {
            errors.Add(Error.Invalid("culpability", "case.facts.choice"));
        }

        if (facts.InCompetition && !facts.PublicBody)
        {
            errors.Add(Error.Invalid("inCompetition", "case.facts.competition"));
        }

        if (errors.Count > 0)
        {
            return Result<CaseRecord>.Fail(errors);
        }

        record.PublicBody = facts.PublicBody;
        record.InCompetition = facts.InCompetition;
        record.Land = land;
        record.TurnoverCents = turnoverCents;
        record.UndertakingGroup = string.IsNullOrWhiteSpace(facts.Group) ? null : facts.Group.Trim();
        record.SpecialCategories = special;
        record.DataSubjects = subjects;
        record.Culpability = culpability;
        var now = clock.GetUtcNow().UtcDateTime;
        return await SaveAsync(record, now, actor, "case.facts", new
        {
            publicBody = record.PublicBody,
            inCompetition = record.InCompetition,
            land = record.Land,
            turnover = record.TurnoverCents is { } t ? (t / 100m).ToString("0.00", CultureInfo.InvariantCulture) : null,
            group = record.UndertakingGroup,
            specialCategories = record.SpecialCategories,
            dataSubjects = record.DataSubjects,
            culpability = record.Culpability,
        }, cancel).ConfigureAwait(false);
    }

    /// <summary>The accounts that may handle cases (administrators and supervisors), by name, not locked out.</summary>
    public static async Task<IReadOnlyList<(string Id, string Name)>> HandlersAsync(AufsichtDb db, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var roles = new[] { Accounts.Roles.Administrator, Accounts.Roles.Supervisor };
        var rows = await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles.AsNoTracking() on u.Id equals ur.UserId
            join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
            where roles.Contains(r.Name!) && u.LockoutEnd == null
            select new { u.Id, u.UserName })
            .Distinct().ToListAsync(cancel).ConfigureAwait(false);
        return [.. rows.Select(r => (r.Id, r.UserName ?? r.Id)).OrderBy(r => r.Item2, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>An amount in euros as a handler types it: <c>30000000</c>, <c>30.000.000</c>, <c>30.000.000,50</c> or <c>30000000.50</c>; null when it is none.</summary>
    public static decimal? Amount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        // German notation: dots group thousands, the comma is the decimal sign.
        if (t.Contains(',', StringComparison.Ordinal) || t.Count(c => c == '.') > 1 || (t.Contains('.', StringComparison.Ordinal) && t.Length - t.LastIndexOf('.') == 4))
        {
            t = t.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }

        return decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= 0 && value < 1_000_000_000_000m && decimal.Round(value, 2) == value
            ? value
            : null;
    }

    private async Task<Result<CaseRecord>> SaveAsync(CaseRecord record, DateTime now, string actor, string action, object data, CancellationToken cancel)
    {
        record.UpdatedAt = now;
        record.Revision++;
        await AuditLog.AddAsync(db, now, actor, action, record.Id, JsonSerializer.Serialize(data), cancel).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("revision", "case.changed");
        }

        return Result<CaseRecord>.Ok(record);
    }
}
