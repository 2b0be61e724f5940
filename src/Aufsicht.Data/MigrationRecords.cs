using Aufsicht.Core.Migration;

namespace Aufsicht.Data;

/// <summary>
/// One product a body uses, as the migration inventory holds it (<see cref="ProductLine"/> in the Core): counts, version,
/// licence contract. Enums are stored by their wire names (<see cref="MigrationNames"/>).
/// </summary>
public sealed class InventoryProductRecord
{
    public long Id { get; set; }

    public long BodyId { get; set; }

    /// <summary>A catalogue id where the catalogue knows the product, otherwise the name as entered.</summary>
    public required string Product { get; set; }

    public Pillar Pillar { get; set; }

    public int Workplaces { get; set; }

    public int Users { get; set; }

    public int Mailboxes { get; set; }

    public string? Version { get; set; }

    /// <summary>Licence cost per unit and year in cents; null when not known.</summary>
    public long? LicenceCentsPerUnitYear { get; set; }

    public DateOnly? ContractEnd { get; set; }

    public int? NoticeMonths { get; set; }

    public InventorySource Source { get; set; }

    /// <summary>The campaign whose answers named the product, for rows filled from a survey.</summary>
    public long? CampaignId { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Revision { get; set; }
}

/// <summary>An entry of a body's register of specialised applications, macros and templates (<see cref="ApplicationEntry"/>).</summary>
public sealed class InventoryApplicationRecord
{
    public long Id { get; set; }

    public long BodyId { get; set; }

    public required string Name { get; set; }

    public ApplicationKind Kind { get; set; }

    /// <summary>The dependencies as comma-separated wire names (<c>office-suite,windows</c>); empty for none.</summary>
    public required string DependsOn { get; set; }

    public Compatibility Compatibility { get; set; }

    public int Users { get; set; }

    public string? Note { get; set; }

    public InventorySource Source { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Revision { get; set; }
}
