using System.Collections.Concurrent;
using Aufsicht.Core.Bodies;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Bodies.Pages;

/// <summary>One body: every field of its entry, the edit form (same rules as an import row) and its disclosure export.</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class DetailModel(AufsichtDb db, IAuthorizationService authorization) : AppPage
{
    /// <summary>
    /// The body by id, compiled once per database provider (a compiled query belongs to the provider it was first run
    /// on; the tests run SQLite and PostgreSQL in one process): the page is opened often, and this spares EF Core its
    /// per-call query lookup, about a tenth of the page's server time (bench/README.md, issue 11).
    /// </summary>
    private static readonly ConcurrentDictionary<string, Func<AufsichtDb, long, CancellationToken, Task<BodyRecord?>>> ById = new(StringComparer.Ordinal);

    internal BodyRecord Body { get; private set; } = null!;

    /// <summary>The external id of the body's parent in the tree; null at the top.</summary>
    internal string? Parent { get; private set; }

    /// <summary>The values shown in the form: as stored, or as submitted when refused.</summary>
    public IReadOnlyDictionary<string, string?> Values { get; private set; } = new Dictionary<string, string?>();

    /// <summary>Canonical column → its message, for the error summary and the field it links to.</summary>
    public IReadOnlyList<(string Field, string Message)> FieldErrors { get; private set; } = [];

    public bool Saved { get; private set; }

    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel)
    {
        if (!await Load(id, cancel).ConfigureAwait(false))
        {
            return NotFound();
        }

        Values = Fields(Body, Parent);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, long? revision, [FromServices] EditBody edit, CancellationToken cancel)
    {
        if (!await Load(id, cancel).ConfigureAwait(false))
        {
            return NotFound();
        }

        if (!CanChange)
        {
            return Forbid();
        }

        var fields = BodyRows.Columns.ToDictionary(c => c.Name, c => (string?)Request.Form[c.Name].ToString(), StringComparer.Ordinal);
        var result = await edit.RunAsync(id, fields, revision, cancel).ConfigureAwait(false);
        if (!result.IsOk)
        {
            Values = fields;
            FieldErrors = result.Errors.Select(e => (e.Field, $"{Label(e.Field)}: {Failures.Message(e, Language)}")).ToList();
            Response.StatusCode = Failures.Status(result.Errors);
            return Page();
        }

        // Read back what was stored: the form's revision must be the database's own timestamp (PostgreSQL keeps microseconds).
        await Load(id, cancel).ConfigureAwait(false);
        Values = Fields(Body, Parent);
        Saved = true;
        return Page();
    }

    internal string Label(string field) => Texts.Has("bodies.col." + field) ? Texts.T(Language, "bodies.col." + field) : Texts.T(Language, "bodies.field." + field);

    internal string Time(DateTime value) => Dates.Moment(value, Language);

    private async Task<bool> Load(long id, CancellationToken cancel)
    {
        var byId = ById.GetOrAdd(db.Database.ProviderName ?? string.Empty, static _ =>
#pragma warning disable RS0030 // An expression tree for EF Core to translate, run asynchronously by the compiled delegate; nothing here enumerates synchronously.
            EF.CompileAsyncQuery((AufsichtDb db, long id, CancellationToken _) => db.Bodies.AsNoTracking().SingleOrDefault(b => b.Id == id)));
#pragma warning restore RS0030
        var body = await byId(db, id, cancel).ConfigureAwait(false);
        if (body is null)
        {
            return false;
        }

        Body = body;
        Parent = body.ParentId is { } parent
            ? await db.Bodies.AsNoTracking().Where(b => b.Id == parent).Select(b => b.ExternalId).SingleOrDefaultAsync(cancel).ConfigureAwait(false)
            : null;
        CanChange = (await authorization.AuthorizeAsync(User, Roles.CanRunSurveys).ConfigureAwait(false)).Succeeded;
        return true;
    }

    private static Dictionary<string, string?> Fields(BodyRecord body, string? parent)
    {
        var cells = BodyRows.ToCells(BodyMapping.ToInput(body, parent));
        return BodyRows.Columns.Select((c, i) => (c.Name, cells[i])).ToDictionary(x => x.Name, x => (string?)x.Item2, StringComparer.Ordinal);
    }
}
