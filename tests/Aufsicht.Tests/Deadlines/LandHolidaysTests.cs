using System.Text.Json;
using Aufsicht.Core.Deadlines;
using Aufsicht.Features.Deadlines;
using Xunit;

namespace Aufsicht.Tests.Deadlines;

/// <summary>The library's holidays (with our corrections) equal the sourced table of procedure.md §6 in data/enforcement/holidays.json.</summary>
[Trait("Category", "Unit")]
public sealed class LandHolidaysTests
{
    private static readonly JsonElement Table = JsonDocument.Parse(File.ReadAllText(Path.Combine(Cli.Repository, "data", "enforcement", "holidays.json"))).RootElement;

    public static TheoryData<string, int> StatesAndYears()
    {
        var data = new TheoryData<string, int>();
        foreach (var state in Table.GetProperty("states").EnumerateArray())
        {
            foreach (var year in Table.GetProperty("years").EnumerateArray())
            {
                data.Add(state.GetString()!, year.GetInt32());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StatesAndYears))]
    public void Calendar_SourcedLandAndYear_EqualsTheTable(string state, int year)
    {
        var expected = Table.GetProperty("holidays").EnumerateArray()
            .Where(h => h.GetProperty("scope").GetString() == "statewide" && h.GetProperty("states").EnumerateArray().Any(s => s.GetString() == state))
            .SelectMany(h => h.GetProperty("dates").EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!, System.Globalization.CultureInfo.InvariantCulture)))
            .Where(d => d.Year == year)
            .Order()
            .ToList();
        var actual = LandHolidays.Calendar(state, year, year).Holidays.Select(h => h.Date).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Calendar_Bavaria_LeavesOutTheMunicipalAssumption()
    {
        // The library counts Assumption Land-wide in Bavaria; it holds only in mainly Catholic municipalities (holidays.json).
        var library = new PublicHoliday.GermanPublicHoliday { State = PublicHoliday.GermanPublicHoliday.States.BY };
        Assert.Contains(library.PublicHolidaysInformation(2028), h => h.HolidayDate == new DateTime(2028, 8, 15));
        Assert.Null(LandHolidays.Calendar("BY", 2028, 2028).On(new DateOnly(2028, 8, 15)));
    }

    [Fact]
    public void Calendar_MecklenburgVorpommern_HasWomensDayOnlySince2023()
    {
        Assert.Null(LandHolidays.Calendar("MV", 2022, 2022).On(new DateOnly(2022, 3, 8)));
        Assert.NotNull(LandHolidays.Calendar("MV", 2023, 2023).On(new DateOnly(2023, 3, 8)));
    }

    [Fact]
    public void Calendar_Nationwide_HasTheNineFederalHolidays()
    {
        var calendar = LandHolidays.Calendar(null, 2027, 2027);
        Assert.Equal(9, calendar.Holidays.Count());
        Assert.Null(calendar.On(new DateOnly(2027, 10, 31)));
    }

    [Fact]
    public void Calendar_EveryLand_HasAtLeastTheNationwideHolidaysWithNamesInBothLanguages()
    {
        foreach (var state in Laender.Codes)
        {
            var holidays = LandHolidays.Calendar(state, 2027, 2027).Holidays.ToList();
            Assert.True(holidays.Count >= 9, state);
            Assert.All(holidays, h => Assert.False(string.IsNullOrEmpty(h.Name.De) || string.IsNullOrEmpty(h.Name.En)));
        }
    }
}
