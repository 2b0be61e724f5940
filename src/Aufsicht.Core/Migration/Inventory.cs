namespace Aufsicht.Core.Migration;

/// <summary>
/// Schleswig-Holstein's pillars of the move to open source (domain/migration.md), plus video as it ran separately.
/// Wire names: office, operating-system, collaboration, mail, directory, specialised-applications, telephony, video.
/// </summary>
public enum Pillar
{
    Office,
    OperatingSystem,
    Collaboration,
    Mail,
    Directory,
    SpecialisedApplications,
    Telephony,
    Video,
}

/// <summary>What a specialised application, macro or template needs to run (the dependencies LiMux tripped over).</summary>
public enum Dependency
{
    OfficeSuite,
    Windows,
    Exchange,
    ActiveDirectory,
    Browser,
}

/// <summary>An entry of the register of specialised applications: a Fachverfahren, a macro or a document template.</summary>
public enum ApplicationKind
{
    Specialised,
    Macro,
    Template,
}

/// <summary>Whether an application runs on the target (LibreOffice, Linux, …); unknown until someone checked.</summary>
public enum Compatibility
{
    Unknown,
    Compatible,
    NeedsWork,
    Incompatible,
    Replaced,
}

/// <summary>Where an inventory row came from, so a re-import from a survey never overwrites what a person typed.</summary>
public enum InventorySource
{
    Survey,
    Import,
    Browser,
}

/// <summary>
/// One product a body uses (Microsoft Office, Windows 11, Exchange, …), with the counts the plan needs and the licence
/// contract. <paramref name="Product"/> is a catalogue id where the catalogue knows it, otherwise the name as entered.
/// Counts not known are 0; a licence cost not known is null (a check on the plan warns about a missing cost category).
/// </summary>
/// <remarks>
/// LicenceCentsPerUnitYear: The licence cost per unit (workplace, user or mailbox) and year, in cents.
/// NoticeMonths: The notice period of the contract in months; null when not known.
/// </remarks>
public sealed record ProductLine(
    long BodyId,
    string Product,
    Pillar Pillar,
    int Workplaces,
    int Users,
    int Mailboxes,
    string? Version,
    long? LicenceCentsPerUnitYear,
    DateOnly? ContractEnd,
    int? NoticeMonths,
    InventorySource Source);

/// <summary>
/// A specialised application, macro or template of a body, what it depends on and whether it runs on the target
/// (Munich's lesson: no operating-system move of a body before all its applications are compatible).
/// </summary>
public sealed record ApplicationEntry(
    long BodyId,
    string Name,
    ApplicationKind Kind,
    IReadOnlySet<Dependency> DependsOn,
    Compatibility Compatibility,
    int Users,
    InventorySource Source);

/// <summary>A body of the inventory in its tree (a ministry and its offices): the parent is null at the top.</summary>
public sealed record InventoryBody(long Id, string Name, long? ParentId);

/// <summary>A Land's inventory: the bodies in their tree, what they use and their register of applications.</summary>
public sealed record Inventory(
    IReadOnlyList<InventoryBody> Bodies,
    IReadOnlyList<ProductLine> Products,
    IReadOnlyList<ApplicationEntry> Applications);

/// <summary>The pillar a catalogue service belongs to, from its catalogue category (office-suite, operating-system, …).</summary>
public static class Pillars
{
    /// <summary>The pillar of a catalogue category; null for a category no pillar covers.</summary>
    public static Pillar? FromCategory(string category) => category switch
    {
        "office-suite" => Pillar.Office,
        "operating-system" => Pillar.OperatingSystem,
        "file-sharing" or "chat" => Pillar.Collaboration,
        "mail-groupware" => Pillar.Mail,
        "video-conferencing" => Pillar.Video,
        _ => null,
    };
}
