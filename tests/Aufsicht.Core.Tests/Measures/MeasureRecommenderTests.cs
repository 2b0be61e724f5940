using Aufsicht.Core.Enforcement;
using Aufsicht.Core.Law;
using Aufsicht.Core.Measures;
using Aufsicht.Core.Tests.Enforcement;
using Xunit;
using static Aufsicht.Core.Tests.TestData;

namespace Aufsicht.Core.Tests.Measures;

/// <summary>
/// The escalation ladder of domain/fines.md §1 and the public-body rules, as a table of cases — the real measures of
/// §1 with their facts written down first.
/// </summary>
[Trait("Category", "Unit")]
public sealed class MeasureRecommenderTests
{
    private static readonly MeasureRules Rules = ShippedRules();

    private static readonly MeasureRecommender Recommender = new(Rules, Data.Criteria, JurisdictionTests.Shipped());

    public static MeasureRules ShippedRules()
    {
        var read = MeasureRulesReader.Read(File.ReadAllBytes(Path.Combine(DataFolder, "enforcement", "measures.json")));
        Assert.True(read.IsOk, string.Join("; ", read.Errors));
        return read.Value;
    }

    /// <summary>A case from a row: the controller as "public|competing|country|state", findings as "T02:red U05:red", earlier measures as "58(2)(d):ignored".</summary>
    public static MeasureCase Case(string controller, string processing, bool remedied, string findings, bool special, bool minors, long subjects, string culpability, string previous = "", bool request = false)
    {
        var c = controller.Split('|');
        return new MeasureCase(
            new Controller(c[0] == "public", c[1] == "competing", c[2], c[3].Length == 0 ? null : c[3]),
            Enum.Parse<Processing>(processing, ignoreCase: true),
            remedied,
            findings.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split(':')).Select(f => new MeasureFinding(f[0], Enum.Parse<Level>(f[1], ignoreCase: true))).ToList(),
            special,
            minors,
            subjects,
            Enum.Parse<Culpability>(culpability, ignoreCase: true),
            previous.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(':')).Select(p => new PreviousMeasure(Parse(p[0]), p[1] == "complied")).ToList(),
            dataSubjectRequest: request);
    }

    private static Power Parse(string wire) => Powers.TryParse(wire, out var p) ? p : throw new ArgumentException(wire);

    private static string[] Wire(IEnumerable<Power> powers) => powers.Select(p => p.WireName()).ToArray();

    [Theory]
    // HmbBfDI v. Hamburg Senate Chancellery, 16 Aug 2021: Zoom (on-demand, US transfers) planned for the Chancellery's
    // staff, not yet in use → a warning (a), the only power for processing not yet started.
    [InlineData("zoom-hamburg", "public||DE|HH", "planned", false, "T02:red T03:red", false, false, 2000, "unknown", "", 1, "58(2)(a)", "58(2)(b) 58(2)(d) 58(2)(i)")]
    // EDPS v. European Commission, 8 Mar 2024: Microsoft 365 in use, transfers to third countries without adequate
    // safeguards, purposes not specified; tens of thousands of staff; an EU institution → suspend flows (j), bring into compliance (d).
    [InlineData("edps-commission", "public||EU|", "ongoing", false, "T02:red T03:red L05:red", false, false, 45000, "unknown", "", 4, "58(2)(j) 58(2)(d)", "58(2)(a) 58(2)(i)")]
    // Datatilsynet v. Helsingør, 14 Jul / 18 Aug 2022: Chromebooks and Google Workspace in the municipality's schools,
    // pupils' data, risks not assessed (no DPIA), US transfers → ban (f) (with suspension of the flows, j).
    [InlineData("helsingor", "public||DK|", "ongoing", false, "U05:red T02:red", false, true, 8000, "unknown", "", 4, "58(2)(f) 58(2)(j) 58(2)(d)", "58(2)(i)")]
    // A German school: never a fine, even when negligent and serious.
    [InlineData("school-mv", "public||DE|MV", "ongoing", false, "T02:red U02:red", true, true, 600, "negligence", "", 4, "58(2)(f) 58(2)(d)", "58(2)(i)")]
    [InlineData("school-mv-intent", "public||DE|MV", "ended", false, "U02:red", false, true, 600, "intent", "", 2, "58(2)(b)", "58(2)(i)")]
    // A public undertaking in competition (AOK-like, health data) counts as non-public: the fine is open.
    [InlineData("competing-bw", "public|competing|DE|BW", "ongoing", false, "U02:red", true, false, 500000, "negligence", "", 5, "58(2)(i) 58(2)(d) 58(2)(f) 58(2)(g)", "58(2)(a)")]
    // A company: ongoing, fixable, not serious → order (d); an ignored order escalates one rung → limitation (f).
    [InlineData("company-fixable", "private||DE|MV", "ongoing", false, "L06:yellow TE07:yellow", false, false, 300, "unknown", "", 3, "58(2)(d)", "58(2)(f) 58(2)(i)")]
    [InlineData("company-ignored", "private||DE|MV", "ongoing", false, "L06:yellow TE07:yellow", false, false, 300, "unknown", "58(2)(d):ignored", 4, "58(2)(f) 58(2)(d)", "58(2)(i)")]
    [InlineData("company-complied", "private||DE|MV", "ongoing", false, "L06:yellow", false, false, 300, "unknown", "58(2)(d):complied", 3, "58(2)(d)", "58(2)(f)")]
    // An ignored order by a negligent company: up to the fine.
    [InlineData("company-ignored-serious", "private||DE|MV", "ongoing", false, "T02:red", false, false, 20000, "negligence", "58(2)(j):ignored", 5, "58(2)(i) 58(2)(j) 58(2)(d)", "")]
    // Remedied and minor → close or a reprimand; remedied but red → a reprimand at least.
    [InlineData("remedied-minor", "private||DE|MV", "ongoing", true, "TE06:yellow", false, false, 50, "none", "", 0, "58(2)(b)", "58(2)(d) 58(2)(i)")]
    [InlineData("remedied-red", "private||DE|MV", "ongoing", true, "L01:red", false, false, 50, "unknown", "", 2, "58(2)(b)", "58(2)(d)")]
    // Completed, minor, a fine would be disproportionate → (b); intentional → a fine.
    [InlineData("ended-negligent-minor", "private||DE|MV", "ended", false, "TE01:red", false, false, 40, "negligence", "", 2, "58(2)(b)", "58(2)(i) 58(2)(d)")]
    [InlineData("ended-intent", "private||DE|MV", "ended", false, "U02:red", false, false, 40, "intent", "", 5, "58(2)(i)", "58(2)(d) 58(2)(f)")]
    // No infringing finding: nothing to order.
    [InlineData("all-green", "private||DE|MV", "ongoing", false, "L01:green", false, false, 40, "unknown", "", 0, "", "58(2)(b) 58(2)(d)")]
    // The Netherlands fine public bodies (Belastingdienst): a negligent serious authority there can be fined.
    [InlineData("nl-authority", "public||NL|", "ongoing", false, "U02:red", true, false, 270000, "negligence", "", 5, "58(2)(i)", "")]
    public void Recommend_Case_FollowsTheLadder(string name, string controller, string processing, bool remedied, string findings, bool special, bool minors, long subjects, string culpability, string previous, int rung, string included, string excluded)
    {
        var r = Recommender.Recommend(Case(controller, processing, remedied, findings, special, minors, subjects, culpability, previous));
        var recommended = Wire(r.Recommended);
        Assert.True(rung == r.Rung.Number, $"{name}: rung {r.Rung.Number}, expected {rung} ({string.Join(", ", recommended)})");
        foreach (var power in included.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(recommended.Contains(power), $"{name}: {power} not among {string.Join(", ", recommended)}");
        }

        foreach (var power in excluded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.False(recommended.Contains(power), $"{name}: {power} among {string.Join(", ", recommended)}");
        }

        if (included.Length == 0)
        {
            Assert.Empty(recommended);
        }

        // Every power is either available or unavailable with a reason in both languages; recommended ones are available.
        Assert.Equal(10, r.Available.Count + r.Unavailable.Count);
        Assert.All(r.Recommended, p => Assert.Contains(p, r.Available));
        Assert.All(r.Unavailable, u => Assert.False(string.IsNullOrWhiteSpace(u.Reason.De) || string.IsNullOrWhiteSpace(u.Reason.En)));
        Assert.All(r.Steps, s => Assert.StartsWith("https://", s.SourceUrl, StringComparison.Ordinal));
    }

    [Fact]
    public void Recommend_HamburgZoom_OnlyTheWarning()
    {
        var r = Recommender.Recommend(Case("public||DE|HH", "planned", false, "T02:red", false, false, 2000, "unknown"));
        Assert.Equal(["58(2)(a)"], Wire(r.Recommended));
        Assert.Equal(["58(2)(a)"], Wire(r.Available));
        Assert.All(r.Unavailable, u => Assert.Equal("planned-no-infringement", u.Code));
    }

    [Theory]
    [InlineData("DE", "MV")]
    [InlineData("DE", "SH")]
    [InlineData("DE", "BY")]
    [InlineData("DE", null)]
    public void Recommend_GermanPublicBody_NeverAFineAndSaysWhy(string country, string? state)
    {
        foreach (var culpability in new[] { "intent", "negligence" })
        {
            var r = Recommender.Recommend(Case($"public||{country}|{state}", "ongoing", false, "U02:red T02:red", true, true, 100000, culpability, "58(2)(d):ignored"));
            Assert.DoesNotContain(Power.I, r.Recommended);
            Assert.False(r.Fine.Admissible);
            var i = Assert.Single(r.Unavailable, u => u.Power == Power.I);
            Assert.Equal("i-not-admissible", i.Code);
            Assert.Contains("öffentliche Stellen", i.Reason.De, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("none", "i-culpability-none")]
    [InlineData("unknown", "i-culpability-unknown")]
    public void Recommend_CompanyWithoutEstablishedFault_NoFineWithTheReason(string culpability, string code)
    {
        var r = Recommender.Recommend(Case("private||DE|MV", "ongoing", false, "U02:red", true, false, 50000, culpability));
        Assert.True(r.Fine.Admissible);
        Assert.Equal(code, Assert.Single(r.Unavailable, u => u.Power == Power.I).Code);
        Assert.Contains("C-807/21", Assert.Single(r.Unavailable, u => u.Power == Power.I).Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_AuthorityIgnoredAnOrder_EscalationPathInsteadOfCoercion()
    {
        var r = Recommender.Recommend(Case("public||DE|MV", "ongoing", false, "TE07:yellow", false, false, 300, "unknown", "58(2)(d):ignored"));
        Assert.Equal(4, r.Rung.Number);
        Assert.False(r.CoerciveEnforcement);
        var ids = r.Procedure.Select(p => p.Id).ToArray();
        Assert.Equal(["hearing", "supervisory-hearing", "supervisory-body", "annual-report", "court"], ids);
        Assert.Contains(r.Steps, s => s.Id == "coercion" && s.Output == "excluded" && s.Explanation.De.Contains("Verwaltungszwang", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("private||DE|MV", "TE07:yellow", false, "escalate")]   // rung 3 → 4
    [InlineData("public||DE|MV", "TE07:yellow", false, "escalate")]    // rung 3 → 4 for an authority too
    [InlineData("public||DE|MV", "T02:red", true, "no-escalation")]    // already at 4; no fine on a school: nothing higher
    [InlineData("private||DE|MV", "T02:red", true, "escalate")]        // 4 → 5: the fine
    public void Recommend_IgnoredOrder_SaysWhetherItEscalated(string controller, string findings, bool minors, string output)
    {
        var r = Recommender.Recommend(Case(controller, "ongoing", false, findings, false, minors, 300, "negligence", "58(2)(d):ignored"));
        Assert.Equal(output, Assert.Single(r.Steps, s => s.Id == "previous-measures").Output);
    }

    [Fact]
    public void Recommend_CompanyIgnoredAnOrder_NoAuthorityEscalationPath()
    {
        var r = Recommender.Recommend(Case("private||DE|MV", "ongoing", false, "TE07:yellow", false, false, 300, "unknown", "58(2)(d):ignored"));
        Assert.Null(r.CoerciveEnforcement);
        Assert.DoesNotContain(r.Procedure, p => p.Id is "supervisory-body" or "supervisory-hearing");
    }

    [Theory]
    [InlineData("public||DE|MV", true)]
    [InlineData("public||DE|", true)]
    [InlineData("public|competing|DE|MV", false)] // counts as non-public
    [InlineData("private||DE|MV", false)]
    [InlineData("public||NL|", false)]            // no such rule on record for the Netherlands
    public void Recommend_PublicBody_HearsTheSupervisingBodyWhereTheTableSaysSo(string controller, bool heard)
    {
        var r = Recommender.Recommend(Case(controller, "ongoing", false, "L06:yellow", false, false, 300, "unknown"));
        Assert.Equal(heard, r.Procedure.Any(p => p.Id == "supervisory-hearing"));
        Assert.Equal("hearing", r.Procedure[0].Id);
    }

    [Fact]
    public void Recommend_Fine_ComesWithTheHearingUnderOWiG()
    {
        var r = Recommender.Recommend(Case("private||DE|MV", "ended", false, "U02:red", false, false, 40, "intent"));
        Assert.Contains(r.Procedure, p => p.Id == "fine-hearing" && p.Basis.De.Contains("§ 55 OWiG", StringComparison.Ordinal));
    }

    [Fact]
    public void Recommend_RemediedAndMinor_MayCloseCitingC76821()
    {
        var r = Recommender.Recommend(Case("private||DE|MV", "ongoing", true, "TE06:yellow", false, false, 50, "none"));
        Assert.True(r.MayClose);
        Assert.Equal(["58(2)(b)"], Wire(r.Recommended));
        Assert.Contains(r.Steps, s => s.Id == "remedied" && s.Source == "CJEU C-768/21" && s.Output == "may-close");
    }

    [Fact]
    public void Recommend_DataSubjectRequest_OpensTheOrderUnderC()
    {
        var without = Recommender.Recommend(Case("private||DE|MV", "ongoing", false, "U03:yellow", false, false, 10, "unknown"));
        Assert.Equal("c-no-request", Assert.Single(without.Unavailable, u => u.Power == Power.C).Code);
        var with = Recommender.Recommend(Case("private||DE|MV", "ongoing", false, "U03:yellow", false, false, 10, "unknown", request: true));
        Assert.Contains(Power.C, with.Recommended);
    }

    [Fact]
    public void Recommend_Transfers_PointToSuspensionWithTheReasonOtherwise()
    {
        var r = Recommender.Recommend(Case("private||DE|MV", "ongoing", false, "U06:red", false, false, 20000, "unknown"));
        Assert.Equal("j-no-transfer", Assert.Single(r.Unavailable, u => u.Power == Power.J).Code);
        Assert.Contains(Power.F, r.Recommended);
    }

    [Fact]
    public void Read_ShippedRules_HaveEveryRungWithSources()
    {
        Assert.Equal([0, 1, 2, 3, 4, 5], Rules.Rungs.Select(r => r.Number));
        Assert.All(Rules.Rungs, r => Assert.NotEmpty(r.Sources));
        Assert.Contains(Rules.Rungs[0].Sources, s => s.Url.Contains("C-768/21", StringComparison.Ordinal));
        Assert.Contains(Rules.Rungs[5].Sources, s => s.Url.Contains("C-807/21", StringComparison.Ordinal));
        Assert.Equal([Power.A], Rules.Rungs[1].Powers);
    }

    [Fact]
    public void Schema_ListsTheIdsOfTheCode()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(DataFolder, "schemas", "measures.schema.json")));
        var props = schema.RootElement.GetProperty("properties");
        string[] Ids(string array) => props.GetProperty(array).GetProperty("items").GetProperty("properties").GetProperty("id").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(MeasureRules.ReasonIds.Order(), Ids("reasons").Order());
        Assert.Equal(MeasureRules.ProcedureIds.Order(), Ids("procedure").Order());
    }

    [Theory]
    [InlineData("""{"version": "x", "largeScale": {"value": 0, "explanation": {"de": "x", "en": "x"}, "sources": []}, "rungs": [], "reasons": [], "procedure": []}""", "datafile.measures.count")]
    [InlineData("""{"version": "x", "largeScale": {"value": 5, "explanation": {"de": "x", "en": "x"}, "sources": [{"url": "https://example.org", "seen": "2026-12-05"}]}, "rungs": [], "reasons": [], "procedure": []}""", "datafile.measures.ladder")]
    [InlineData("""{"version": "x"}""", "datafile.missing")]
    public void Read_BadRules_NamesTheProblem(string json, string key)
    {
        var read = MeasureRulesReader.Read(System.Text.Encoding.UTF8.GetBytes(json));
        Assert.False(read.IsOk);
        Assert.Contains(read.Errors, e => e.Key == key && e.Field.StartsWith(MeasureRulesReader.File, StringComparison.Ordinal));
    }
}
