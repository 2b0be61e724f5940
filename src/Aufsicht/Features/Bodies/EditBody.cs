using Aufsicht.Core;
using Aufsicht.Core.Bodies;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Bodies;

/// <summary>
/// A supervisor corrects one body's registry entry, with the same rules as an import row. The form carries the
/// time of the last change it was based on, so an edit over someone else's newer change is refused, not applied.
/// </summary>
internal sealed class EditBody(AufsichtDb db, TimeProvider clock)
{
    public async Task<Result<BodyRecord>> RunAsync(long id, IReadOnlyDictionary<string, string?> fields, long? basedOnTicks, CancellationToken cancel)
    {
        var record = await db.Bodies.SingleOrDefaultAsync(b => b.Id == id, cancel).ConfigureAwait(false);
        if (record is null)
        {
            return Error.NotFound("id", "bodies.edit.gone");
        }

        var input = BodyRows.ReadOne(fields);
        if (!input.IsOk)
        {
            return Result<BodyRecord>.Fail(input.Errors);
        }

        if (basedOnTicks is { } ticks && ticks != record.UpdatedAt.Ticks)
        {
            return Error.Conflict("revision", "bodies.edit.conflict");
        }

        var body = input.Value;
        if (body.ExternalId != record.ExternalId && await db.Bodies.AnyAsync(b => b.ExternalId == body.ExternalId, cancel).ConfigureAwait(false))
        {
            return Error.Invalid("externalId", "bodies.edit.idTaken", body.ExternalId);
        }

        if (BodyMapping.ToInput(record) == body)
        {
            return Result<BodyRecord>.Ok(record);
        }

        BodyMapping.Apply(body, record, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            return Error.Invalid("externalId", "bodies.edit.idTakenNow", body.ExternalId);
        }

        return Result<BodyRecord>.Ok(record);
    }
}
