using Aufsicht.Core.Law;
using Aufsicht.Core.Migration;
using Aufsicht.Features.Migration;
using Xunit;

namespace Aufsicht.Tests.Plans;

/// <summary>
/// Why a line of the shipped data gets no target, as a page says it: the targets by their names in the page's
/// language (targets.json's <c>nameDe</c>), the verdicts in words — no id, no wire name, no English on a German page.
/// </summary>
[Trait("Category", "Unit")]
public sealed class PlanTargetNamesTests
{
    private static readonly TargetCatalogue Targets = MigrationDataReader.ReadTargets(File.ReadAllBytes(Path.Combine(Cli.Repository, "data", MigrationDataReader.TargetsFile))).Value;

    private static readonly ProductCatalogue Products = MigrationDataReader.ReadProducts(File.ReadAllBytes(Path.Combine(Cli.Repository, "data", MigrationDataReader.ProductsFile))).Value;

    [Theory]
    [InlineData("MS Office", Pillar.Office, "libreoffice=yellow onlyoffice=red", null, Language.De,
        "kein Ziel der Säule Bürosoftware ist grün bewertet (LibreOffice: gelb, Collabora Online: nicht im Katalog, ONLYOFFICE: rot)")]
    [InlineData("MS Office", Pillar.Office, "libreoffice=yellow onlyoffice=red", null, Language.En,
        "no target of the pillar Office suite is rated green (LibreOffice: yellow, Collabora Online: not in the catalogue, ONLYOFFICE: red)")]
    [InlineData("Zoom", Pillar.Video, "opentalk=not-assessed jitsi-self-operated=red bbb-self-operated=yellow opendesk=red", "opendesk", Language.De,
        "kein Ziel der Säule Videokonferenz ist grün bewertet (OpenTalk: nicht bewertet, Jitsi Meet (selbst betrieben): rot, BigBlueButton (selbst betrieben): gelb), und das Paket openDesk ist es auch nicht")]
    [InlineData("Zoom", Pillar.Video, "opentalk=not-assessed jitsi-self-operated=red bbb-self-operated=yellow opendesk=red", "opendesk", Language.En,
        "no target of the pillar Video conferencing is rated green (OpenTalk: not assessed, Jitsi Meet (self-operated): red, BigBlueButton (self-operated): yellow), nor is the bundle openDesk")]
    [InlineData("Fachverfahren X", Pillar.SpecialisedApplications, "", null, Language.De, "für die Säule Fachverfahren ist kein Ziel hinterlegt")]
    [InlineData("Fachverfahren X", Pillar.SpecialisedApplications, "", null, Language.En, "no target is listed for the pillar Specialised applications")]
    public void Reason_NoGreenTarget_NamesTargetsAndVerdictsInTheLanguage(string product, Pillar pillar, string verdicts, string? bundle, Language language, string expected)
    {
        var known = verdicts.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('='))
            .ToDictionary(v => v[0], v => Levels.TryParseVerdict(v[1], out var verdict) ? verdict : throw new ArgumentException(v[1]));
        var line = new ProductLine(1, product, pillar, 10, 10, 10, null, null, null, null, InventorySource.Browser);
        var inventory = new Core.Migration.Inventory([new InventoryBody(1, "Amt", null)], [line], []);

        var choice = Assert.Single(Core.Migration.Targets.Choose(inventory, Targets, Products, id => known.TryGetValue(id, out var v) ? v : null, bundle));

        Assert.Equal(TargetStatus.NoTarget, choice.Status);
        Assert.Equal(expected, MigrationPlanText.Reason(choice.Reason!, language));
    }
}
