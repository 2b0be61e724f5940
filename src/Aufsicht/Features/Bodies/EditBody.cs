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

        long? parentId = null;
        if (body.Parent is not null)
        {
            var parent = await db.Bodies.AsNoTracking().Where(b => b.ExternalId == body.Parent).Select(b => new { b.Id, b.ParentId }).SingleOrDefaultAsync(cancel).ConfigureAwait(false);
            if (parent is null)
            {
                return Error.Invalid("parent", "bodies.parentUnknown", body.Parent);
            }

            // Walk up from the chosen parent: meeting this body on the way means it would be above itself.
            var seen = new HashSet<long>();
            for (long? current = parent.Id; current is { } at && seen.Add(at);)
            {
                if (at == record.Id)
                {
                    return Error.Invalid("parent", "bodies.parentCycle", body.Parent);
                }

                current = await db.Bodies.AsNoTracking().Where(b => b.Id == at).Select(b => b.ParentId).SingleOrDefaultAsync(cancel).ConfigureAwait(false);
            }

            parentId = parent.Id;
        }

        var parentNow = record.ParentId is { } p ? await db.Bodies.AsNoTracking().Where(b => b.Id == p).Select(b => b.ExternalId).SingleOrDefaultAsync(cancel).ConfigureAwait(false) : null;
        if (BodyMapping.ToInput(record, parentNow) == body)
        {
            return Result<BodyRecord>.Ok(record);
        }

        BodyMapping.Apply(body, record, clock.GetUtcNow().UtcDateTime);
        record.ParentId = parentId;
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
