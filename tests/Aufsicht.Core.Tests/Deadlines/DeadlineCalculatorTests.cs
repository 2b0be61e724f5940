using Aufsicht.Core.Deadlines;
using Aufsicht.Core.Law;
using Xunit;
using static Aufsicht.Core.Tests.TestData;

namespace Aufsicht.Core.Tests.Deadlines;

/// <summary>
/// The deadline rules as a table: § 41(2) VwVfG (the fiction, 3 days before 2025, 4 from then), § 187(1), § 188 BGB
/// and § 31(3) s. 1 VwVfG over Christmas, New Year, Easter, the Land holidays of M-V, SH and BY and month ends, and
/// the five worked examples of procedure.md §2. The holidays are written out here (procedure.md §6), not from a library.
/// </summary>
[Trait("Category", "Unit")]
public sealed class DeadlineCalculatorTests
{
    private static readonly Lazy<NotificationRules> Rules = new(() =>
    {
        var read = NotificationRules.Read(File.ReadAllBytes(Path.Combine(DataFolder, "enforcement", "notification.json")));
        return read.IsOk ? read.Value : throw new InvalidOperationException(string.Join("\n", read.Errors));
    });

    /// <summary>The holidays of 2024–2028 (Easter computed), per Land as in procedure.md §6; null: nationwide only.</summary>
    public static HolidayCalendar Calendar(string? state)
    {
        var holidays = new List<Holiday>();
        for (var year = 2024; year <= 2028; year++)
        {
            var easter = Easter(year);
            void Add(int month, int day, string de) => holidays.Add(new Holiday(new DateOnly(year, month, day), new LocalizedText(de, de)));
            void AddEaster(int offset, string de) => holidays.Add(new Holiday(easter.AddDays(offset), new LocalizedText(de, de)));
            Add(1, 1, "Neujahr");
            AddEaster(-2, "Karfreitag");
            AddEaster(1, "Ostermontag");
            Add(5, 1, "Tag der Arbeit");
            AddEaster(39, "Christi Himmelfahrt");
            AddEaster(50, "Pfingstmontag");
            Add(10, 3, "Tag der Deutschen Einheit");
            Add(12, 25, "1. Weihnachtstag");
            Add(12, 26, "2. Weihnachtstag");
            if (state == "MV")
            {
                Add(3, 8, "Internationaler Frauentag");
            }

            if (state is "MV" or "SH")
            {
                Add(10, 31, "Reformationstag");
            }

            if (state == "BY")
            {
                Add(1, 6, "Heilige Drei Könige");
                AddEaster(60, "Fronleichnam");
                Add(11, 1, "Allerheiligen");
            }
        }

        return new HolidayCalendar(state, 2024, 2028, holidays);
    }

    private static DateOnly Easter(int year)
    {
        // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7, m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static Deadline Compute(string? sent, string? delivered, string period, string delivery = "post", string? state = null)
    {
        var request = DeadlineRequest.Parse(sent, delivered, period, delivery, state);
        Assert.True(request.IsOk, string.Join("; ", request.Errors));
        var result = DeadlineCalculator.Compute(request.Value, Calendar(state), Rules.Value);
        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        return result.Value;
    }

    /// <summary>The five worked examples of procedure.md §2, exactly.</summary>
    [Theory]
    // (1) received Fri 2026-12-18, two weeks → Fri 01-01 New Year → Mon 2027-01-04.
    [InlineData(null, "2026-12-18", "2w", "MV", "2026-12-18", "2027-01-01", "2027-01-04")]
    // (2) posted Tue 2026-12-22 → fiction Sat 12-26 (holiday); one month → Tue 2027-01-26.
    [InlineData("2026-12-22", null, "1m", "MV", "2026-12-26", "2027-01-26", "2027-01-26")]
    // (3) received Fri 2027-01-29, one month: no 29 Feb → Sun 02-28 → Mon 2027-03-01.
    [InlineData(null, "2027-01-29", "1m", "MV", "2027-01-29", "2027-02-28", "2027-03-01")]
    // (4) received Mon 2027-02-22, two weeks → 03-08 Women's Day → Tue 2027-03-09 (SH, BY: 03-08).
    [InlineData(null, "2027-02-22", "2w", "MV", "2027-02-22", "2027-03-08", "2027-03-09")]
    [InlineData(null, "2027-02-22", "2w", "SH", "2027-02-22", "2027-03-08", "2027-03-08")]
    [InlineData(null, "2027-02-22", "2w", "BY", "2027-02-22", "2027-03-08", "2027-03-08")]
    // (5) Bußgeldbescheid served Fri 2027-03-12 → Good Friday 03-26 → Tue 2027-03-30.
    [InlineData(null, "2027-03-12", "2w", "MV", "2027-03-12", "2027-03-26", "2027-03-30")]
    public void Compute_WorkedExamplesOfTheDomainFile_GiveItsDates(string? sent, string? delivered, string period, string state, string notified, string nominal, string end)
    {
        var deadline = Compute(sent, delivered, period, state: state);
        Assert.Equal((D(notified), D(nominal), D(end)), (deadline.Result.Delivered, deadline.Result.NominalEnd, deadline.Result.End));
    }

    [Fact]
    public void Compute_FictionDayOnAHoliday_ShowsTheMovedReadingAsAlternative()
    {
        // Example (2): "Thu 01-28 if the fiction moves to Mon 12-28"; remedies accepted up to the later end.
        var deadline = Compute("2026-12-22", null, "1m", state: "MV");
        var moved = Assert.Single(deadline.Alternatives, a => a.Reading.Delivered == D("2026-12-28"));
        Assert.Equal(D("2027-01-28"), moved.Reading.End);
        Assert.Equal(D("2027-01-28"), deadline.AcceptUntil);
        Assert.Contains("BFH IX R 68/98", moved.Reason.De, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_LandWithUnknownFourDayRule_ShowsTheThreeDayReading()
    {
        var deadline = Compute("2026-12-22", null, "1m", state: "MV");
        var threeDays = Assert.Single(deadline.Alternatives, a => a.Reading.Delivered == D("2026-12-25"));
        Assert.Equal(D("2027-01-25"), threeDays.Reading.End);
        Assert.Contains("VwVfG M-V", threeDays.Reason.De, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_LandThatAdoptedTheFourDays_HasNoThreeDayAlternative()
    {
        // Posted Mon 2027-03-01 → fiction Fri 03-05 (a working day): nothing to dispute in Bavaria.
        var deadline = Compute("2027-03-01", null, "2w", state: "BY");
        Assert.Equal((D("2027-03-05"), D("2027-03-19")), (deadline.Result.Delivered, deadline.Result.End));
        Assert.Empty(deadline.Alternatives);
    }

    /// <summary>Holidays, weekends and month ends; the end day moves until it is a working day.</summary>
    [Theory]
    // Christmas and New Year: ends on 25 Dec (Fri) → 26 (Sat) → 27 (Sun) → Mon 28 Dec.
    [InlineData("2026-12-11", "2w", null, "2026-12-25", "2026-12-28")]
    // New Year 2027 on a Friday without a Land: nationwide holiday too.
    [InlineData("2026-12-18", "2w", null, "2027-01-01", "2027-01-04")]
    // Easter 2026: Good Friday 04-03 → Easter Monday 04-06 → Tue 04-07.
    [InlineData("2026-03-20", "2w", "SH", "2026-04-03", "2026-04-07")]
    // Easter Monday 2027-03-29 as the end → Tue 03-30.
    [InlineData("2027-03-15", "2w", "BY", "2027-03-29", "2027-03-30")]
    // Women's Day 2027 counts only in M-V.
    [InlineData("2027-03-01", "7d", "MV", "2027-03-08", "2027-03-09")]
    [InlineData("2027-03-01", "7d", null, "2027-03-08", "2027-03-08")]
    // Reformation Day 2025 (Fri 10-31) in M-V and SH → Mon 11-03; in Bavaria it is a working day.
    [InlineData("2025-10-17", "2w", "MV", "2025-10-31", "2025-11-03")]
    [InlineData("2025-10-17", "2w", "SH", "2025-10-31", "2025-11-03")]
    [InlineData("2025-10-17", "2w", "BY", "2025-10-31", "2025-10-31")]
    // Bavaria: Epiphany (Wed 2027-01-06), Corpus Christi (Thu 2027-05-27), All Saints (Mon 2027-11-01).
    [InlineData("2026-12-23", "2w", "BY", "2027-01-06", "2027-01-07")]
    [InlineData("2026-12-23", "2w", "MV", "2027-01-06", "2027-01-06")]
    [InlineData("2027-05-13", "2w", "BY", "2027-05-27", "2027-05-28")]
    [InlineData("2027-05-13", "2w", "SH", "2027-05-27", "2027-05-27")]
    [InlineData("2027-10-18", "2w", "BY", "2027-11-01", "2027-11-02")]
    [InlineData("2027-10-18", "2w", null, "2027-11-01", "2027-11-01")]
    // Month ends: 31 January + 1 month → 28 Feb (2027, Sunday) → Mon 03-01; 29 Feb in a leap year (2028, Tuesday).
    [InlineData("2027-01-31", "1m", null, "2027-02-28", "2027-03-01")]
    [InlineData("2028-01-31", "1m", null, "2028-02-29", "2028-02-29")]
    // 31 March + 1 month → 30 April 2027 (Fri); 31 May 2026 + 1 month → 30 June (Tue).
    [InlineData("2027-03-31", "1m", null, "2027-04-30", "2027-04-30")]
    [InlineData("2026-05-31", "1m", null, "2026-06-30", "2026-06-30")]
    // A Saturday end moves to Monday; days are counted from the day after.
    [InlineData("2027-01-01", "1d", null, "2027-01-02", "2027-01-04")]
    [InlineData("2026-06-01", "14d", null, "2026-06-15", "2026-06-15")]
    // Twelve months over a year end; three years at most.
    [InlineData("2026-02-28", "12m", null, "2027-02-28", "2027-03-01")]
    public void Compute_DeliveredOn_EndsOnTheNextWorkingDay(string delivered, string period, string? state, string nominal, string end)
    {
        var deadline = Compute(null, delivered, period, state: state);
        Assert.Equal((D(nominal), D(end)), (deadline.Result.NominalEnd, deadline.Result.End));
        Assert.Empty(deadline.Alternatives);
    }

    /// <summary>§ 41(2) VwVfG as changed by the PostModG: the third day for letters sent before 2025, the fourth from then, post and electronic alike.</summary>
    [Theory]
    [InlineData("2024-12-30", "post", "2025-01-02")]
    [InlineData("2024-12-31", "post", "2025-01-03")]
    [InlineData("2025-01-01", "post", "2025-01-05")]
    [InlineData("2025-01-02", "post", "2025-01-06")]
    [InlineData("2024-12-31", "electronic", "2025-01-03")]
    [InlineData("2025-01-01", "electronic", "2025-01-05")]
    [InlineData("2025-01-01", "hand", "2025-01-01")]
    public void Compute_SentBy_NotifiedOnTheFictionDay(string sent, string delivery, string notified)
    {
        var deadline = Compute(sent, null, "2w", delivery);
        Assert.Equal(D(notified), deadline.Result.Delivered);
        Assert.Equal(D(notified).AddDays(14), deadline.Result.NominalEnd);
    }

    [Fact]
    public void Compute_FictionDayOnASunday_DoesNotMoveItButOffersTheMovedReading()
    {
        // Sent Wed 2025-01-01 → 4th day Sun 01-05; two weeks → Sun 01-19 → Mon 01-20. Moved: Mon 01-06 → Mon 01-20 too: no alternative.
        var sameEnd = Compute("2025-01-01", null, "2w");
        Assert.Equal(D("2025-01-05"), sameEnd.Result.Delivered);
        Assert.Empty(sameEnd.Alternatives);
        Assert.Contains(sameEnd.Result.Steps, s => s.Rule.De.Contains("nicht anwendbar", StringComparison.Ordinal));

        // Sent Wed 2027-03-03 → Sun 03-07; 1 month → Wed 04-07. Moved to Mon 03-08 (a working day nationwide) → Thu 04-08.
        var moved = Compute("2027-03-03", null, "1m");
        Assert.Equal(D("2027-04-07"), moved.Result.End);
        Assert.Equal(D("2027-04-08"), Assert.Single(moved.Alternatives).Reading.End);
    }

    [Fact]
    public void Compute_EveryStep_HasARuleASourceAndBothLanguages()
    {
        var deadline = Compute(null, "2026-12-18", "2w", state: "MV");
        Assert.Equal(["§ 41 Abs. 1 VwVfG", "§ 31 Abs. 1 VwVfG i. V. m. § 187 Abs. 1 BGB", "§ 188 Abs. 2 BGB", "§ 31 Abs. 3 Satz 1 VwVfG (Feiertage)", "§ 31 Abs. 3 Satz 1 VwVfG"],
            deadline.Result.Steps.Select(s => s.Rule.De));
        Assert.All(deadline.Result.Steps, s => Assert.StartsWith("http", s.Source, StringComparison.Ordinal));
        Assert.Equal(
            "Das rechnerische Fristende Freitag, 01.01.2027 ist ein Feiertag (Neujahr); auch Samstag, 02.01.2027, Sonntag, 03.01.2027 sind keine Werktage; die Frist endet am nächsten Werktag, Montag, 04.01.2027 (§ 31 Abs. 3 Satz 1 VwVfG).",
            deadline.Result.Steps[^1].Explanation.De);
        Assert.Contains("Monday, 4 Jan 2027", deadline.Result.Steps[^1].Explanation.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_WithoutALand_SaysOnlyNationwideHolidaysCount()
    {
        var deadline = Compute(null, "2027-02-22", "2w");
        Assert.Equal(D("2027-03-08"), deadline.Result.End);
        Assert.Contains(deadline.Result.Steps, s => s.Explanation.De.StartsWith("Kein Land angegeben: Es zählen nur die bundesweiten Feiertage", StringComparison.Ordinal));
    }

    /// <summary>Bad input names its field; nothing is computed.</summary>
    [Theory]
    [InlineData("2026-12-22", "2026-12-22", "2w", "post", null, "delivered", "deadline.sentOrDelivered.both")]
    [InlineData(null, null, "2w", "post", null, "sent", "deadline.sentOrDelivered.neither")]
    [InlineData("2026-13-01", null, "2w", "post", null, "sent", "deadline.date.invalid")]
    [InlineData("22.12.2026", null, "2w", "post", null, "sent", "deadline.date.invalid")]
    [InlineData(null, "2026-02-30", "2w", "post", null, "delivered", "deadline.date.invalid")]
    [InlineData("2026-12-22", null, "0w", "post", null, "period", "deadline.period.range")]
    [InlineData("2026-12-22", null, "3x", "post", null, "period", "deadline.period.invalid")]
    [InlineData("2026-12-22", null, "w", "post", null, "period", "deadline.period.invalid")]
    [InlineData("2026-12-22", null, "-2w", "post", null, "period", "deadline.period.invalid")]
    [InlineData("2026-12-22", null, "37m", "post", null, "period", "deadline.period.range")]
    [InlineData("2026-12-22", null, "2w", "fax", null, "delivery", "deadline.delivery.invalid")]
    [InlineData("2026-12-22", null, "2w", "post", "XX", "state", "deadline.state.invalid")]
    [InlineData("2026-12-22", null, "2w", "post", "mv", "state", "deadline.state.invalid")]
    public void Parse_BadInput_IsAnErrorOfTheField(string? sent, string? delivered, string period, string delivery, string? state, string field, string key)
    {
        var request = DeadlineRequest.Parse(sent, delivered, period, delivery, state);
        Assert.False(request.IsOk);
        Assert.Contains(request.Errors, e => e.Field == field && e.Key == key);
    }

    [Fact]
    public void Compute_OutsideTheCalendarsYears_IsAnError()
    {
        var request = DeadlineRequest.Parse(null, "2028-12-01", "2m", "post", null).Value;
        var result = DeadlineCalculator.Compute(request, Calendar(null), Rules.Value);
        Assert.Equal("deadline.calendar.range", Assert.Single(result.Errors).Key);
    }

    [Fact]
    public void NotificationRules_ShippedFile_CoversEveryLandAndBothChannels()
    {
        Assert.Equal(Laender.Codes.Order(), Rules.Value.States.Select(s => s.State).Order());
        Assert.Equal(3, Rules.Value.FederalRule(Delivery.Electronic, D("2024-12-31"))!.Days);
        Assert.Equal(4, Rules.Value.FederalRule(Delivery.Electronic, D("2025-01-01"))!.Days);
        Assert.Equal(FourthDayStatus.Unknown, Rules.Value.State("SH")!.FourthDay);
        Assert.All(Rules.Value.States, s => Assert.NotEmpty(s.Sources));
    }

    [Theory]
    [InlineData(0, PeriodUnit.Days)]
    [InlineData(1096, PeriodUnit.Days)]
    [InlineData(157, PeriodUnit.Weeks)]
    [InlineData(37, PeriodUnit.Months)]
    public void Period_OutsideItsBounds_CannotBeMade(int count, PeriodUnit unit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Period(count, unit));

    [Fact]
    public void HolidayCalendar_HolidayOutsideItsYears_CannotBeMade() =>
        Assert.Throws<ArgumentException>(() => new HolidayCalendar("MV", 2026, 2026, [new Holiday(new DateOnly(2027, 1, 1), new LocalizedText("Neujahr", "New Year"))]));

    [Fact]
    public void DeadlineRequest_BothSentAndDelivered_CannotBeMade() =>
        Assert.Throws<ArgumentException>(() => new DeadlineRequest(D("2026-12-22"), D("2026-12-22"), new Period(2, PeriodUnit.Weeks), Delivery.Post, null));
}
