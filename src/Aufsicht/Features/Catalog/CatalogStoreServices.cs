namespace Aufsicht.Features.Catalog;

/// <summary>What answer checks need from the catalogue: whether an id is a service (of a category).</summary>
internal sealed class CatalogStoreServices(CatalogStore store)
{
    public bool IsService(string id, string? category) =>
        store.Catalog.Latest(id) is { } service && (category is null || service.Category == category);
}
