using System.Text;
using Aufsicht.Features.Inventory;
using Aufsicht.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Plans;

/// <summary>
/// The small inventory every plan test starts from: a school (S-1) moving 120 workplaces off Microsoft Office and
/// Windows 11, and a municipality (G-2) moving 60 off Microsoft Office, with licence costs and contract ends.
/// </summary>
internal static class PlanTestData
{
    public const string Products = """
        Organisation;Produkt;Säule;Arbeitsplätze;Nutzende;Postfächer;Version;Lizenzkosten;Vertragsende;Kündigungsfrist
        S-1;Microsoft Office;office;120;130;0;2021;100,00;31.12.2027;6
        S-1;Windows 11;operating-system;120;130;0;;80,00;30.06.2028;3
        G-2;Microsoft Office;office;60;60;0;2019;100,00;31.12.2027;6
        """;

    /// <summary>Imports <see cref="Products"/> through the inventory's import, as a user's file would come.</summary>
    public static async Task ImportInventoryAsync(AppServer server)
    {
        using var scope = server.Services.CreateScope();
        var imported = await scope.ServiceProvider.GetRequiredService<ImportInventory>()
            .RunAsync(Encoding.UTF8.GetBytes(Products), "bestand.csv", InventoryKind.Products, CancellationToken.None);
        Assert.True(imported.IsOk, string.Join("; ", imported.Errors));
    }
}
