using Aufsicht.Core;
using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Inventory;

/// <summary>Workplaces, users and mailboxes of one pillar, summed.</summary>
internal sealed record PillarTotal(Pillar Pillar, int Workplaces, int Users, int Mailboxes);

/// <summary>
/// A body in the inventory tree: its level (0 at the top), what it has itself, and the warning Munich taught — it has
/// workplaces but no register of applications, so no operating-system move can be planned for it.
/// </summary>
internal sealed record InventoryNode(long Id, string ExternalId, string Name, int Level, int Products, int Workplaces, int Applications, bool NoRegister);

/// <summary>The whole inventory: the tree of bodies that have rows (with their ancestors), totals per pillar and applications per compatibility.</summary>
internal sealed record InventoryTree(
    IReadOnlyList<InventoryNode> Nodes,
    IReadOnlyList<PillarTotal> Pillars,
    IReadOnlyDictionary<Compatibility, int> Applications);

/// <summary>One body's inventory, the rows as stored (with their revisions for the edit forms).</summary>
internal sealed record BodyInventory(
    BodyRecord Body,
    IReadOnlyList<InventoryProductRecord> Products,
    IReadOnlyList<InventoryApplicationRecord> Applications);

/// <summary>
/// Reading and changing the migration inventory by hand: every change names the revision it was based on, so an edit
/// over someone else's newer change is refused (Conflict), and rows changed here become <see cref="InventorySource.Browser"/>,
/// which a survey never overwrites.
/// </summary>
internal sealed class InventoryStore(AufsichtDb db, TimeProvider clock)
{
    public async Task<Result<InventoryTree>> TreeAsync(CancellationToken cancel)
    {
        var products = await db.InventoryProducts.AsNoTracking()
            .Select(p => new { p.BodyId, p.Pillar, p.Workplaces, p.Users, p.Mailboxes }).ToListAsync(cancel).ConfigureAwait(false);
        var applications = await db.InventoryApplications.AsNoTracking()
            .Select(a => new { a.BodyId, a.Compatibility }).ToListAsync(cancel).ConfigureAwait(false);
        var bodyIds = products.Select(p => p.BodyId).Concat(applications.Select(a => a.BodyId)).ToHashSet();

        // The bodies with rows and every ancestor of them, level by level (a tree is shallow: a ministry, its offices).
        var bodies = new Dictionary<long, (string ExternalId, string Name, long? ParentId)>();
        var wanted = bodyIds.ToList();
        while (wanted.Count > 0)
        {
            var found = await db.Bodies.AsNoTracking().Where(b => wanted.Contains(b.Id))
                .Select(b => new { b.Id, b.ExternalId, b.Name, b.ParentId }).ToListAsync(cancel).ConfigureAwait(false);
            foreach (var b in found)
            {
                bodies[b.Id] = (b.ExternalId, b.Name, b.ParentId);
            }

            wanted = [.. found.Where(b => b.ParentId is { } p && !bodies.ContainsKey(p)).Select(b => b.ParentId!.Value).Distinct()];
        }

        var children = bodies.Where(b => b.Value.ParentId is { } p && bodies.ContainsKey(p)).ToLookup(b => b.Value.ParentId!.Value, b => b.Key);
        var roots = bodies.Where(b => b.Value.ParentId is not { } p || !bodies.ContainsKey(p)).Select(b => b.Key);
        var productsOf = products.ToLookup(p => p.BodyId);
        var applicationsOf = applications.ToLookup(a => a.BodyId);
        var nodes = new List<InventoryNode>();
        var visited = new HashSet<long>();
        void Add(long id, int level)
        {
            if (!visited.Add(id))
            {
                return;
            }

            var (externalId, name, _) = bodies[id];
            var workplaces = productsOf[id].Sum(p => p.Workplaces);
            var apps = applicationsOf[id].Count();
            nodes.Add(new InventoryNode(id, externalId, name, level, productsOf[id].Count(), workplaces, apps, workplaces > 0 && apps == 0));
            foreach (var child in children[id].OrderBy(c => bodies[c].Name, StringComparer.CurrentCulture))
            {
                Add(child, level + 1);
            }
        }

        foreach (var root in roots.OrderBy(r => bodies[r].Name, StringComparer.CurrentCulture))
        {
            Add(root, 0);
        }

        var pillars = Enum.GetValues<Pillar>()
            .Select(p => new PillarTotal(p, products.Where(x => x.Pillar == p).Sum(x => x.Workplaces), products.Where(x => x.Pillar == p).Sum(x => x.Users), products.Where(x => x.Pillar == p).Sum(x => x.Mailboxes)))
            .ToList();
        var byCompatibility = Enum.GetValues<Compatibility>().ToDictionary(c => c, c => applications.Count(a => a.Compatibility == c));
        return Result<InventoryTree>.Ok(new InventoryTree(nodes, pillars, byCompatibility));
    }

    public async Task<Result<BodyInventory>> BodyAsync(long bodyId, CancellationToken cancel)
    {
        var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bodyId, cancel).ConfigureAwait(false);
        if (body is null)
        {
            return Error.NotFound("body", "inventory.noBody");
        }

        var products = await db.InventoryProducts.AsNoTracking().Where(p => p.BodyId == bodyId).OrderBy(p => p.Pillar).ThenBy(p => p.Product).ToListAsync(cancel).ConfigureAwait(false);
        var applications = await db.InventoryApplications.AsNoTracking().Where(a => a.BodyId == bodyId).OrderBy(a => a.Name).ToListAsync(cancel).ConfigureAwait(false);
        return Result<BodyInventory>.Ok(new BodyInventory(body, products, applications));
    }

    /// <summary>Adds a product row (<paramref name="rowId"/> null) or changes one based on <paramref name="revision"/>.</summary>
    public async Task<Result<InventoryProductRecord>> SaveProductAsync(long bodyId, long? rowId, int? revision, IReadOnlyDictionary<string, string?> fields, CancellationToken cancel)
    {
        if (!await db.Bodies.AnyAsync(b => b.Id == bodyId, cancel).ConfigureAwait(false))
        {
            return Error.NotFound("body", "inventory.noBody");
        }

        var errors = new List<Error>();
        var input = InventoryRows.ReadProduct(c => fields.GetValueOrDefault(c), (column, key, args) => errors.Add(Error.Invalid(column, key, args)));
        if (input is null)
        {
            return Result<InventoryProductRecord>.Fail(errors);
        }

        InventoryProductRecord? record;
        if (rowId is { } id)
        {
            record = await db.InventoryProducts.SingleOrDefaultAsync(p => p.Id == id && p.BodyId == bodyId, cancel).ConfigureAwait(false);
            if (record is null)
            {
                return Error.NotFound("row", "inventory.noRow");
            }

            if (revision != record.Revision)
            {
                return Error.Conflict("revision", "inventory.changed");
            }

            record.Revision++;
        }
        else
        {
            record = new InventoryProductRecord { BodyId = bodyId, Product = input.Product };
            db.InventoryProducts.Add(record);
        }

        if (input.Product != record.Product || rowId is null)
        {
            if (await db.InventoryProducts.AnyAsync(p => p.BodyId == bodyId && p.Product == input.Product && p.Id != record.Id, cancel).ConfigureAwait(false))
            {
                db.ChangeTracker.Clear();
                return Error.Invalid("product", "inventory.productTaken", input.Product);
            }
        }

        InventoryMapping.Apply(input, record, InventorySource.Browser, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(record, "product", cancel).ConfigureAwait(false);
    }

    /// <summary>Adds an application row (<paramref name="rowId"/> null) or changes one based on <paramref name="revision"/>.</summary>
    public async Task<Result<InventoryApplicationRecord>> SaveApplicationAsync(long bodyId, long? rowId, int? revision, IReadOnlyDictionary<string, string?> fields, CancellationToken cancel)
    {
        if (!await db.Bodies.AnyAsync(b => b.Id == bodyId, cancel).ConfigureAwait(false))
        {
            return Error.NotFound("body", "inventory.noBody");
        }

        var errors = new List<Error>();
        var input = InventoryRows.ReadApplication(c => fields.GetValueOrDefault(c), (column, key, args) => errors.Add(Error.Invalid(column, key, args)));
        if (input is null)
        {
            return Result<InventoryApplicationRecord>.Fail(errors);
        }

        InventoryApplicationRecord? record;
        if (rowId is { } id)
        {
            record = await db.InventoryApplications.SingleOrDefaultAsync(a => a.Id == id && a.BodyId == bodyId, cancel).ConfigureAwait(false);
            if (record is null)
            {
                return Error.NotFound("row", "inventory.noRow");
            }

            if (revision != record.Revision)
            {
                return Error.Conflict("revision", "inventory.changed");
            }

            record.Revision++;
        }
        else
        {
            record = new InventoryApplicationRecord { BodyId = bodyId, Name = input.Name, DependsOn = string.Empty };
            db.InventoryApplications.Add(record);
        }

        if (input.Name != record.Name || rowId is null)
        {
            if (await db.InventoryApplications.AnyAsync(a => a.BodyId == bodyId && a.Name == input.Name && a.Id != record.Id, cancel).ConfigureAwait(false))
            {
                db.ChangeTracker.Clear();
                return Error.Invalid("name", "inventory.nameTaken", input.Name);
            }
        }

        InventoryMapping.Apply(input, record, InventorySource.Browser, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(record, "name", cancel).ConfigureAwait(false);
    }

    public async Task<Result<bool>> DeleteProductAsync(long bodyId, long rowId, int revision, CancellationToken cancel)
    {
        var record = await db.InventoryProducts.SingleOrDefaultAsync(p => p.Id == rowId && p.BodyId == bodyId, cancel).ConfigureAwait(false);
        return record is null ? Error.NotFound("row", "inventory.noRow") : await DeleteAsync(record, record.Revision, revision, cancel).ConfigureAwait(false);
    }

    public async Task<Result<bool>> DeleteApplicationAsync(long bodyId, long rowId, int revision, CancellationToken cancel)
    {
        var record = await db.InventoryApplications.SingleOrDefaultAsync(a => a.Id == rowId && a.BodyId == bodyId, cancel).ConfigureAwait(false);
        return record is null ? Error.NotFound("row", "inventory.noRow") : await DeleteAsync(record, record.Revision, revision, cancel).ConfigureAwait(false);
    }

    private async Task<Result<bool>> DeleteAsync(object record, int stored, int revision, CancellationToken cancel)
    {
        if (stored != revision)
        {
            return Error.Conflict("revision", "inventory.changed");
        }

        db.Remove(record);
        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("revision", "inventory.changed");
        }

        return Result<bool>.Ok(true);
    }

    private async Task<Result<T>> SaveAsync<T>(T record, string keyField, CancellationToken cancel) where T : class
    {
        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("revision", "inventory.changed");
        }
        catch (DbUpdateException)
        {
            // The same product or name was added in the same moment by someone else.
            return Error.Invalid(keyField, "inventory.takenNow");
        }

        return Result<T>.Ok(record);
    }
}
