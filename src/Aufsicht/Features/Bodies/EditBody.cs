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
            return Result<BodyRecord>.Fail("id", "this body does not exist (any more)");
        }

        var input = BodyRows.ReadOne(fields);
        if (!input.IsOk)
        {
            return Result<BodyRecord>.Fail(input.Errors);
        }

        if (basedOnTicks is { } ticks && ticks != record.UpdatedAt.Ticks)
        {
            return Result<BodyRecord>.Fail("revision", "this body was changed by someone else since you opened the form; reload it and apply your change again");
        }

        var body = input.Value;
        if (body.ExternalId != record.ExternalId && await db.Bodies.AnyAsync(b => b.ExternalId == body.ExternalId, cancel).ConfigureAwait(false))
        {
            return Result<BodyRecord>.Fail("externalId", $"\"{body.ExternalId}\" is already the id of another body");
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
            return Result<BodyRecord>.Fail("externalId", $"\"{body.ExternalId}\" was given to another body at the same moment");
        }

        return Result<BodyRecord>.Ok(record);
    }
}
