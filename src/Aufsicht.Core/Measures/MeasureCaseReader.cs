using System.Globalization;
using System.Text.Json;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;
using Aufsicht.Core.Enforcement;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Measures;

/// <summary>
/// Reads the input of <c>aufsicht measure</c> and <c>POST /api/v1/measures</c> (docs/formats/measure.md); every
/// problem is an <see cref="Error"/> naming its field (<c>findings[0].criterion</c>).
/// </summary>
public static class MeasureCaseReader
{
    public static readonly IReadOnlyList<string> ProcessingNames = ["planned", "ongoing", "ended"];

    public static readonly IReadOnlyList<string> CulpabilityNames = ["intent", "negligence", "none", "unknown"];

    private static readonly string[] LevelNames = ["green", "yellow", "red", "not-assessed", "note"];

    public static Result<MeasureCase> Read(ReadOnlyMemory<byte> utf8, CriteriaCatalog criteria)
    {
        var parsed = ProfileReader.ParseDocument(utf8);
        if (!parsed.IsOk)
        {
            return Result<MeasureCase>.Fail(parsed.Errors);
        }

        using var document = parsed.Value;
        return Read(document.RootElement, criteria);
    }

    public static Result<MeasureCase> Read(JsonElement root, CriteriaCatalog criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var errors = new List<Error>();
        var r = ObjectReader.Open(root, string.Empty, errors);
        if (r is null)
        {
            return Result<MeasureCase>.Fail(errors);
        }

        r.RejectUnknown(["controller", "processing", "remedied", "findings", "specialCategories", "minors", "dataSubjects", "culpability", "previousMeasures", "dataSubjectRequest", "breach", "certification"]);
        var controller = ReadController(r.Object("controller"));
        var processing = r.Enum("processing", ProcessingNames, allowUnknown: false);
        var remedied = r.Bool("remedied", allowUnknown: false, required: false) ?? false;
        var findings = new List<MeasureFinding>();
        foreach (var (element, path) in r.Array("findings", required: false) ?? [])
        {
            if (ObjectReader.Open(element, path, errors) is not { } f)
            {
                continue;
            }

            f.RejectUnknown(["criterion", "level"]);
            var criterion = f.String("criterion", maxLength: 20);
            if (criterion is not null && !criteria.Contains(criterion))
            {
                f.Invalid("criterion", "measure.unknownCriterion", criterion.Length > 20 ? criterion[..20] : criterion);
                criterion = null;
            }

            var level = f.Enum("level", LevelNames, allowUnknown: false);
            if (criterion is not null && level is not null && Levels.TryParseLevel(level, out var parsedLevel))
            {
                findings.Add(new MeasureFinding(criterion, parsedLevel));
            }
        }

        var special = r.Bool("specialCategories", allowUnknown: false, required: false) ?? false;
        var minors = r.Bool("minors", allowUnknown: false, required: false) ?? false;
        long dataSubjects = 0;
        if (r.Has("dataSubjects"))
        {
            var raw = r.Raw("dataSubjects");
            if (raw is null || !long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out dataSubjects))
            {
                r.Invalid("dataSubjects", "measure.notCount", raw ?? ObjectReader.Describe(root.GetProperty("dataSubjects")));
                dataSubjects = 0;
            }
            else if (dataSubjects < 0)
            {
                r.Invalid("dataSubjects", "measure.negative", raw);
                dataSubjects = 0;
            }
        }

        var culpability = r.Has("culpability") ? r.Enum("culpability", CulpabilityNames, allowUnknown: false) : "unknown";
        var previous = new List<PreviousMeasure>();
        foreach (var (element, path) in r.Array("previousMeasures", required: false) ?? [])
        {
            if (ObjectReader.Open(element, path, errors) is not { } m)
            {
                continue;
            }

            m.RejectUnknown(["power", "complied"]);
            var power = m.String("power", maxLength: 20);
            Power parsedPower = default;
            if (power is not null && !Powers.TryParse(power, out parsedPower))
            {
                m.Invalid("power", "measure.unknownPower", power);
                power = null;
            }

            var complied = m.Bool("complied", allowUnknown: false);
            if (power is not null && complied is not null)
            {
                previous.Add(new PreviousMeasure(parsedPower, complied.Value));
            }
        }

        var request = r.Bool("dataSubjectRequest", allowUnknown: false, required: false) ?? false;
        var breach = r.Bool("breach", allowUnknown: false, required: false) ?? false;
        var certification = r.Bool("certification", allowUnknown: false, required: false) ?? false;
        if (errors.Count > 0 || controller is null || processing is null || culpability is null)
        {
            return errors.Count > 0 ? Result<MeasureCase>.Fail(errors) : Error.Invalid("controller", "datafile.missing");
        }

        return Result<MeasureCase>.Ok(new MeasureCase(
            controller,
            (Processing)IndexOf(ProcessingNames, processing),
            remedied,
            findings,
            special,
            minors,
            dataSubjects,
            (Culpability)IndexOf(CulpabilityNames, culpability),
            previous,
            request,
            breach,
            certification));
    }

    public static string WireName(this Processing processing) => ProcessingNames[(int)processing];

    public static string WireName(this Culpability culpability) => CulpabilityNames[(int)culpability];

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(name), name, "not a known name");
    }

    private static Controller? ReadController(ObjectReader? c)
    {
        if (c is null)
        {
            return null;
        }

        c.RejectUnknown(["publicBody", "inCompetition", "country", "state"]);
        var publicBody = c.Bool("publicBody", allowUnknown: false);
        var competing = c.Bool("inCompetition", allowUnknown: false, required: false) ?? false;
        var country = c.String("country", pattern: Patterns.Country);
        var state = c.Has("state") ? c.Enum("state", JurisdictionReader.GermanStates, allowUnknown: false) : null;
        if (competing && publicBody == false)
        {
            c.Invalid("inCompetition", "measure.competingNotPublic");
            return null;
        }

        if (state is not null && country is not null && country != "DE")
        {
            c.Invalid("state", "measure.stateOutsideGermany", country);
            return null;
        }

        return publicBody is null || country is null || (c.Has("state") && state is null) ? null : new Controller(publicBody.Value, competing, country, state);
    }
}
