using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Letters;

/// <summary>What happens to the logo with a save: kept as it is, removed, or replaced by <see cref="LetterheadEdit.Logo"/>.</summary>
internal enum LogoChange
{
    Keep,
    Remove,
    Replace,
}

/// <summary>The letterhead as the form sends it: address and contact one line each; the revision the page showed (0 before the first save).</summary>
internal sealed record LetterheadEdit(string? AuthorityName, string? Address, string? Contact, string? Seat, string? Court, LogoChange LogoChange, byte[]? Logo, int Revision);

/// <summary>
/// Saves the authority's letterhead (the one row of <c>letterhead</c>): a name is required, every field within its
/// length, a new logo a sound PNG (<see cref="PngLogo"/>); only over the revision the page showed; with its audit entry
/// in the same unit of work. Seat and court may stay empty — letters that instruct on legal remedies name both, so the
/// page warns — because an authority may set up its letterhead before it knows which court its letters name.
/// </summary>
internal sealed class SaveLetterhead(AufsichtDb db, TimeProvider clock)
{
    public const string AuditAction = "letter.letterhead.saved";

    /// <summary>The columns' lengths (AufsichtDb); a longer value is refused by name, not cut.</summary>
    public const int NameMax = 300, LinesMax = 1000, SeatMax = 100, CourtMax = 200;

    public async Task<Result<LetterheadRecord>> RunAsync(LetterheadEdit edit, string actor, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var name = (edit.AuthorityName ?? string.Empty).Trim();
        var address = Lines(edit.Address);
        var contact = Lines(edit.Contact);
        var seat = (edit.Seat ?? string.Empty).Trim();
        var court = (edit.Court ?? string.Empty).Trim();

        var errors = new List<Error>();
        if (name.Length == 0)
        {
            errors.Add(Error.Invalid("authorityName", "letters.head.nameMissing"));
        }

        Length(errors, "authorityName", name, NameMax);
        Length(errors, "address", address, LinesMax);
        Length(errors, "contact", contact, LinesMax);
        Length(errors, "seat", seat, SeatMax);
        Length(errors, "court", court, CourtMax);
        if (edit.LogoChange == LogoChange.Replace)
        {
            var logo = PngLogo.Check(edit.Logo ?? []);
            if (!logo.IsOk)
            {
                errors.AddRange(logo.Errors);
            }
        }

        if (errors.Count > 0)
        {
            return Result<LetterheadRecord>.Fail(errors);
        }

        var record = await db.Letterhead.SingleOrDefaultAsync(l => l.Id == 1, cancel).ConfigureAwait(false);
        if ((record?.Revision ?? 0) != edit.Revision)
        {
            return Error.Conflict("revision", "letters.head.changed");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (record is null)
        {
            record = new LetterheadRecord { Id = 1, AuthorityName = name, Address = address, Contact = contact };
            db.Letterhead.Add(record);
        }

        record.AuthorityName = name;
        record.Address = address;
        record.Contact = contact;
        record.Seat = seat.Length == 0 ? null : seat;
        record.Court = court.Length == 0 ? null : court;
        record.LogoPng = edit.LogoChange switch
        {
            LogoChange.Remove => null,
            LogoChange.Replace => edit.Logo,
            _ => record.LogoPng,
        };
        record.UpdatedAt = now;
        record.Revision++;

        await AuditLog.AddAsync(db, now, actor, AuditAction, null, JsonSerializer.Serialize(new
        {
            revision = record.Revision,
            authorityName = name,
            address,
            contact,
            seat = record.Seat,
            court = record.Court,
            logo = record.LogoPng is { } png ? LetterOutput.Sha256(png) : null,
        }), cancel).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("revision", "letters.head.changed");
        }

        return Result<LetterheadRecord>.Ok(record);
    }

    /// <summary>One line per line, without the blank ones and the spaces around.</summary>
    private static string Lines(string? text) =>
        string.Join('\n', (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static void Length(List<Error> errors, string field, string value, int max)
    {
        if (value.Length > max)
        {
            errors.Add(Error.Invalid(field, "letters.head.tooLong", max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
