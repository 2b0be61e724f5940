using System.Text;
using Aufsicht.Core.Migration;
using Aufsicht.Core.Scheduling;
using Aufsicht.Features.Inventory;
using Aufsicht.Features.Plans;
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

    /// <summary>Imports <see cref="Products"/> (or the products file given) through the inventory's import, as a user's file would come.</summary>
    public static async Task ImportInventoryAsync(AppServer server, string products = Products)
    {
        using var scope = server.Services.CreateScope();
        var imported = await scope.ServiceProvider.GetRequiredService<ImportInventory>()
            .RunAsync(Encoding.UTF8.GetBytes(products), "bestand.csv", InventoryKind.Products, CancellationToken.None);
        Assert.True(imported.IsOk, string.Join("; ", imported.Errors));
    }

    /// <summary>The plan the tests plan with: from 01/2027, earliest completion, six in the team, two trainers, two in support.</summary>
    public static PlanDraft Draft(string name = "Zeitschiene", PlanCapacities? capacities = null) =>
        new(name, null, new YearMonth(2027, 1), Objective.Makespan, capacities ?? new PlanCapacities(6, 2, 2), null);

    /// <summary>Creates a plan of the inventory (<see cref="Draft"/> unless given) and, with <paramref name="computeSeconds"/>, computes it; its id.</summary>
    public static async Task<long> CreatePlanAsync(AppServer server, PlanDraft? draft = null, int? computeSeconds = null)
    {
        using var scope = server.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<PlanStore>();
        var created = await store.CreateAsync(draft ?? Draft(), "test", CancellationToken.None);
        Assert.True(created.IsOk, string.Join("; ", created.Errors));
        if (computeSeconds is { } seconds)
        {
            var computed = await store.ComputeAsync(created.Value, TimeSpan.FromSeconds(seconds), CancellationToken.None);
            Assert.True(computed.IsOk, string.Join("; ", computed.Errors));
        }

        return created.Value;
    }
}
