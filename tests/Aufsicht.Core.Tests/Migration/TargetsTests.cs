using Aufsicht.Core.Law;
using Aufsicht.Core.Migration;
using Xunit;
using static Aufsicht.Core.Tests.Migration.MigrationFixtures;

namespace Aufsicht.Core.Tests.Migration;

/// <summary>The target of a product line: the first green candidate, a candidate outside the catalogue only where the catalogue has none, openDesk as a bundle.</summary>
[Trait("Category", "Unit")]
public sealed class TargetsTests
{
    private static TargetCandidate C(string id, bool inCatalogue = true) => new(id, id, inCatalogue, []);

    private static readonly TargetCatalogue Catalogue = new(
        new Dictionary<Pillar, IReadOnlyList<TargetCandidate>>
        {
            [Pillar.Office] = [C("libreoffice"), C("collabora-online")],
            [Pillar.Mail] = [C("open-xchange")],
            [Pillar.Directory] = [C("open-source-directory", inCatalogue: false)],
            [Pillar.Video] = [C("opentalk"), C("jitsi-self-operated")],
        },
        [new TargetBundle("opendesk", "openDesk", true, [new("Collabora Online", Pillar.Office), new("OX App Suite", Pillar.Mail), new("Jitsi", Pillar.Video), new("Nubus", Pillar.Directory)], [])]);

    private static readonly ProductCatalogue Products = new(
    [
        new KnownProduct("libreoffice", "LibreOffice", true, ["Libre Office"], Pillar.Office, LicenceUnit.Workplace, []),
        new KnownProduct("microsoft-office", "Microsoft Office", false, ["MS Office"], Pillar.Office, LicenceUnit.Workplace, []),
    ]);

    [Theory]
    [InlineData("microsoft-office", Pillar.Office, "libreoffice=green collabora-online=green", null, TargetStatus.Migrate, "libreoffice")]
    [InlineData("MS Office", Pillar.Office, "libreoffice=red collabora-online=green", null, TargetStatus.Migrate, "collabora-online")]
    [InlineData("microsoft-office", Pillar.Office, "libreoffice=yellow collabora-online=not-assessed", null, TargetStatus.NoTarget, null)]
    [InlineData("active-directory", Pillar.Directory, "", null, TargetStatus.MigrateNotAssessed, "open-source-directory")]
    [InlineData("Libre Office", Pillar.Office, "libreoffice=red", null, TargetStatus.AlreadyOnTarget, "libreoffice")]
    [InlineData("proprietary-telephony", Pillar.Telephony, "", null, TargetStatus.NoTarget, null)]
    [InlineData("zoom", Pillar.Video, "opentalk=green opendesk=green", "opendesk", TargetStatus.Migrate, "opendesk")]
    [InlineData("active-directory", Pillar.Directory, "opendesk=green", "opendesk", TargetStatus.Migrate, "opendesk")]
    [InlineData("zoom", Pillar.Video, "opentalk=red jitsi-self-operated=green opendesk=red", "opendesk", TargetStatus.Migrate, "jitsi-self-operated")]
    [InlineData("exchange-server", Pillar.Mail, "open-xchange=red opendesk=yellow", "opendesk", TargetStatus.NoTarget, null)]
    [InlineData("windows-10", Pillar.OperatingSystem, "opendesk=green", "opendesk", TargetStatus.NoTarget, null)]
    public void Choose_Line_TargetAndStatus(string product, Pillar pillar, string verdicts, string? bundle, TargetStatus status, string? target)
    {
        var known = verdicts.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('='))
            .ToDictionary(v => v[0], v => Levels.TryParseVerdict(v[1], out var verdict) ? verdict : throw new ArgumentException(v[1]));
        var inventory = new Inventory([new InventoryBody(1, "Amt", null)], [Line(1, product, pillar, workplaces: 10, users: 10, mailboxes: 10)], []);

        var choice = Assert.Single(Targets.Choose(inventory, Catalogue, Products, id => known.TryGetValue(id, out var v) ? v : null, bundle));

        Assert.Equal((status, target), (choice.Status, choice.Target));
        Assert.Equal(status == TargetStatus.NoTarget, choice.Reason is not null);
        Assert.Equal(choice.Target == "opendesk", choice.Bundle == "opendesk" && choice.Component is not null);
    }

    [Fact]
    public void Choose_NoneGreen_ReasonNamesPillarAndVerdicts()
    {
        var inventory = new Inventory([new InventoryBody(1, "Amt", null)], [Line(1, "microsoft-office", Pillar.Office, workplaces: 10)], []);
        var choice = Targets.Choose(inventory, Catalogue, Products, id => id == "libreoffice" ? Verdict.Red : null)[0];
        var reason = choice.Reason!;
        Assert.Equal(("migration.target.noneGreen", Pillar.Office, null), (reason.Key, reason.Pillar, reason.Bundle));
        Assert.Equal([("libreoffice", (Verdict?)Verdict.Red), ("collabora-online", null)], reason.Verdicts.Select(v => (v.Candidate.Id, v.Verdict)));
    }

    [Fact]
    public void Choose_NoneGreenNorTheBundle_ReasonNamesTheBundle()
    {
        var inventory = new Inventory([new InventoryBody(1, "Amt", null)], [Line(1, "exchange-server", Pillar.Mail, mailboxes: 10)], []);
        var choice = Targets.Choose(inventory, Catalogue, Products, id => id == "opendesk" ? Verdict.Yellow : Verdict.Red, "opendesk")[0];
        var reason = choice.Reason!;
        Assert.Equal(("migration.target.noneGreenBundle", Pillar.Mail, "opendesk"), (reason.Key, reason.Pillar, reason.Bundle?.Id));
        Assert.Equal([("open-xchange", (Verdict?)Verdict.Red)], reason.Verdicts.Select(v => (v.Candidate.Id, v.Verdict)));
    }

    [Theory]
    [InlineData("Open-Source-Verzeichnisdienst")]
    [InlineData("open-source directory service")]
    [InlineData("open-source-directory")]
    public void Choose_LineNamedByATargetsNameInEitherLanguage_AlreadyOnTarget(string product)
    {
        var inventory = new Inventory([new InventoryBody(1, "Amt", null)], [Line(1, product, Pillar.Directory, users: 10)], []);
        var choice = Assert.Single(Targets.Choose(inventory, MigrationDataTests.ShippedTargets(), Products, _ => null));
        Assert.Equal((TargetStatus.AlreadyOnTarget, "open-source-directory"), (choice.Status, choice.Target));
    }

    [Fact]
    public void Choose_ShippedTargets_MicrosoftProductsToTheSchleswigHolsteinTargets()
    {
        var today = TestData.D("2026-11-27");
        var authority = TestData.Default(today);
        Verdict? VerdictOf(string id) => TestData.Data.Catalog.Latest(id) is null ? null : TestData.CatalogAssessor.VerdictOf(id, today, authority);
        var inventory = new Inventory(
            [new InventoryBody(1, "Amt", null)],
            [
                Line(1, "MS Office", Pillar.Office, workplaces: 10), Line(1, "Windows 11", Pillar.OperatingSystem, workplaces: 10),
                Line(1, "Exchange", Pillar.Mail, mailboxes: 10), Line(1, "AD", Pillar.Directory, users: 10), Line(1, "LibreOffice", Pillar.Office, workplaces: 5),
            ],
            []);

        var choices = Targets.Choose(inventory, MigrationDataTests.ShippedTargets(), MigrationDataTests.ShippedProducts(), VerdictOf);

        Assert.Equal(
            [(TargetStatus.Migrate, "libreoffice"), (TargetStatus.Migrate, "linux-desktop"), (TargetStatus.Migrate, "open-xchange"), (TargetStatus.MigrateNotAssessed, "open-source-directory"), (TargetStatus.AlreadyOnTarget, "libreoffice")],
            choices.Select(c => (c.Status, c.Target!)));
    }
}
