using System.Text;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Questionnaires.Pages;

/// <summary>A questionnaire version's definition exactly as imported: edited and imported again, it becomes the next version.</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class QuestionnaireFileModel(AufsichtDb db) : AppPage
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel)
    {
        var record = await db.Questionnaires.AsNoTracking()
            .Where(q => q.Id == id)
            .Select(q => new { q.Key, q.Version, q.DefinitionJson })
            .SingleOrDefaultAsync(cancel).ConfigureAwait(true);
        return record is null
            ? NotFound()
            : File(Encoding.UTF8.GetBytes(record.DefinitionJson), "application/json", $"{record.Key}-fassung-{record.Version}.json");
    }
}
