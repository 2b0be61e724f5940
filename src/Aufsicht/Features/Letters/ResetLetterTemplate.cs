using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Letters;

/// <summary>
/// Puts the shipped default back in force: deletes the authority's text (only over the revision the editor showed),
/// with its audit entry in the same unit of work. Nothing to delete is no change and leaves no entry.
/// </summary>
internal sealed class ResetLetterTemplate(AufsichtDb db, TimeProvider clock)
{
    public const string AuditAction = "letter.template.reset";

    public async Task<Result<bool>> RunAsync(LetterKind kind, Language language, int revision, string actor, CancellationToken cancel)
    {
        var wire = kind.WireName();
        var code = LetterTemplateCodes.Of(language);
        var record = await db.LetterTemplates.SingleOrDefaultAsync(t => t.Kind == wire && t.Language == code, cancel).ConfigureAwait(false);
        if ((record?.Revision ?? 0) != revision)
        {
            return Error.Conflict("revision", "letters.template.changed");
        }

        if (record is null)
        {
            return Result<bool>.Ok(false);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.LetterTemplates.Remove(record);
        await AuditLog.AddAsync(db, now, actor, AuditAction, null, JsonSerializer.Serialize(new { kind = wire, language = code, revision = record.Revision }), cancel).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("revision", "letters.template.changed");
        }

        return Result<bool>.Ok(true);
    }
}
