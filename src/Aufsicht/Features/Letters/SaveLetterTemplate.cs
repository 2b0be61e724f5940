using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Letters;

/// <summary>
/// An edit of a letter template as the editor sends it: the text, and the revision the page showed (0 while the shipped
/// default was in force).
/// </summary>
internal sealed record LetterTemplateEdit(LetterKind Kind, Language Language, string Text, int Revision);

/// <summary>
/// Saves the authority's own text of a letter template: only a text that passes <see cref="LetterTemplates.Check"/>
/// (the kind's variables, the safe tags and marks), and only over the revision the editor showed, so nobody overwrites
/// another's edit unseen. The audit entry is written in the same unit of work.
/// </summary>
internal sealed class SaveLetterTemplate(AufsichtDb db, TimeProvider clock)
{
    public const string AuditAction = "letter.template.saved";

    public async Task<Result<LetterTemplateRecord>> RunAsync(LetterTemplateEdit edit, string actor, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var text = (edit.Text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal);
        var wire = edit.Kind.WireName();
        var code = LetterTemplateCodes.Of(edit.Language);
        var record = await db.LetterTemplates.SingleOrDefaultAsync(t => t.Kind == wire && t.Language == code, cancel).ConfigureAwait(false);
        if ((record?.Revision ?? 0) != edit.Revision)
        {
            return Error.Conflict("revision", "letters.template.changed");
        }

        var errors = LetterTemplates.Check(edit.Kind, text);
        if (errors.Count > 0)
        {
            return Result<LetterTemplateRecord>.Fail(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (record is null)
        {
            record = new LetterTemplateRecord { Kind = wire, Language = code, Text = text, UpdatedAt = now, UpdatedBy = actor, Revision = 1 };
            db.LetterTemplates.Add(record);
        }
        else
        {
            record.Text = text;
            record.UpdatedAt = now;
            record.UpdatedBy = actor;
            record.Revision++;
        }

        await AuditLog.AddAsync(db, now, actor, AuditAction, null,
            JsonSerializer.Serialize(new { kind = wire, language = code, revision = record.Revision, sha256 = LetterOutput.Sha256(System.Text.Encoding.UTF8.GetBytes(text)) }), cancel).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another editor saved (or the audit chain moved) at the same moment: the revision or the unique index refused ours.
            return Error.Conflict("revision", "letters.template.changed");
        }

        return Result<LetterTemplateRecord>.Ok(record);
    }
}

internal static class LetterTemplateCodes
{
    /// <summary>The language as the <c>letter_templates</c> table and the editor's URL write it.</summary>
    public static string Of(Language language) => language == Language.De ? "de" : "en";

    public static bool TryParse(string? code, out Language language)
    {
        language = code == "en" ? Language.En : Language.De;
        return code is "de" or "en";
    }
}
