using System.Globalization;
using System.Text.RegularExpressions;
using Aufsicht.Core;
using Aufsicht.Core.Law;
using Aufsicht.Documents.Letters;
using Aufsicht.Features.Mail;
using Fluid;
using Fluid.Values;

namespace Aufsicht.Features.Letters;

/// <summary>
/// Letter templates in Liquid (Fluid) with the checks and limits of the e-mail templates (<see cref="MailTemplates"/>:
/// only its tags and filters, short number ranges, a step and an output limit, errors naming the position), the
/// variables of the letter's kind (<see cref="LetterVariables"/>), and the structure marks of <see cref="LetterMarkup"/>.
/// </summary>
internal static partial class LetterTemplates
{
    public const string Field = "template";

    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new() { CultureInfo = CultureInfo.InvariantCulture, MaxSteps = MailTemplates.MaxSteps, MaxRecursion = 20 };

    /// <summary>Values of a realistic length for the trial rendering at the check: every list has entries, every text some length.</summary>
    private static readonly LetterData Sample = new(
        new LetterAuthority(new string('x', 120), ["x"], ["x"], new string('x', 40), new string('x', 60)),
        new LetterRecipient(new string('x', 200), new string('x', 80), ["x"]),
        new LetterHandler(new string('x', 80), new string('x', 80)),
        new string('x', 40),
        new DateOnly(2030, 12, 31))
    {
        Facts = new string('x', 2000),
        Deadline = new LetterDeadline(new DateOnly(2030, 12, 31), new string('x', 20), new string('x', 1000)),
        Infringements = [.. Enumerable.Repeat(new LetterInfringement(new string('x', 300), new string('x', 100), ["Art. 5(1)(f)", "Art. 32(1)"]), 10)],
        Measure = new LetterMeasure(new string('x', 200), ["Art. 58(2)(d)"], [.. Enumerable.Repeat(new string('x', 300), 5)]),
        Fine = new LetterFine(10_000_000m, new string('x', 2000)),
        HearingGround = new string('x', 500),
        HearingDate = new DateOnly(2030, 12, 31),
        Statement = new string('x', 1000),
        Discretion = new string('x', 2000),
        Evidence = new string('x', 500),
        ClosingReason = new string('x', 500),
    };

    /// <summary>What is wrong with the template for its kind (empty when it can be used); each error names the problem and where.</summary>
    public static IReadOnlyList<Error> Check(LetterKind kind, string template) =>
        Checked(kind, template) is { IsOk: false } failed ? failed.Errors : [];

    /// <summary>
    /// The letter the template makes of the case's data, in the language; the letterhead, address, reference line and
    /// signature come from the data, the rest from the template. Fails as <see cref="Check"/> does, or when these values
    /// make the letter too long.
    /// </summary>
    public static Result<LetterDocument> Render(LetterKind kind, string template, LetterData data, Language language)
    {
        ArgumentNullException.ThrowIfNull(data);
        var checkedTemplate = Checked(kind, template);
        if (!checkedTemplate.IsOk)
        {
            return Result<LetterDocument>.Fail(checkedTemplate.Errors);
        }

        var parts = Parts(kind, checkedTemplate.Value, data, language);
        if (!parts.IsOk)
        {
            return Result<LetterDocument>.Fail(parts.Errors);
        }

        var p = parts.Value;
        var authority = data.Authority;
        return Result<LetterDocument>.Ok(new LetterDocument(
            new Letterhead(authority.Name, authority.AddressLines, authority.ContactLines, authority.Logo),
            new Addressee(data.Body.Name, data.Body.ContactPerson, data.Body.AddressLines),
            new LetterReference(data.FileNumber, data.Date, data.Handler.Name),
            p.Subject,
            p.Salutation,
            p.Body,
            p.Closing,
            new LetterSignature(data.Handler.Name, data.Handler.Function, data.Handler.OnBehalf),
            p.Remedy,
            language));
    }

    /// <summary>
    /// Templates that passed the check, by kind and text: a campaign's letters share a handful of templates, and the
    /// check's trial rendering costs as much as three letters. Bounded: emptied when it holds more than
    /// <see cref="CacheLimit"/> (an authority has some dozen templates).
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(LetterKind, string), IFluidTemplate> Accepted = new();

    private const int CacheLimit = 256;

    private static Result<IFluidTemplate> Checked(LetterKind kind, string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (Accepted.TryGetValue((kind, template), out var known))
        {
            return Result<IFluidTemplate>.Ok(known);
        }

        var result = CheckAfresh(kind, template);
        if (result.IsOk)
        {
            if (Accepted.Count >= CacheLimit)
            {
                Accepted.Clear();
            }

            Accepted[(kind, template)] = result.Value;
        }

        return result;
    }

    private static Result<IFluidTemplate> CheckAfresh(LetterKind kind, string template)
    {
        if (template.Length > MailTemplates.MaxLength)
        {
            return Error.Invalid(Field, "letters.template.tooLong", Number(template.Length), Number(MailTemplates.MaxLength));
        }

        if (!Parser.TryParse(template, out var parsed, out var error))
        {
            var text = error ?? string.Empty;
            var position = Position().Match(text);
            return position.Success
                ? Error.Invalid(Field, "letters.template.syntaxAt", text[..position.Index].TrimStart(), position.Groups[1].Value, position.Groups[2].Value, text[(position.Index + position.Length)..].TrimEnd())
                : Error.Invalid(Field, "letters.template.syntax", text.Trim());
        }

        var collector = MailTemplates.VariableCollector.Collect(parsed);
        if (collector.Tags.Count > 0)
        {
            return Error.Invalid(Field, "letters.template.tag", collector.Tags[0], string.Join(", ", MailTemplates.Tags));
        }

        if (collector.Ranges.Count > 0)
        {
            return Error.Invalid(Field, "letters.template.range", Number(MailTemplates.MaxRange), collector.Ranges[0]);
        }

        if (collector.UnknownFilters.Count > 0)
        {
            return Error.Invalid(Field, "letters.template.filter", string.Join(", ", collector.UnknownFilters.Select(f => "'" + f + "'")), string.Join(", ", MailTemplates.Filters));
        }

        var unknown = collector.Unknown(LetterVariables.Names(kind));
        if (unknown.Count > 0)
        {
            return Error.Invalid(Field, "letters.template.unknown", string.Join(", ", unknown.Select(u => "'" + u + "'")), string.Join(", ", LetterVariables.Names(kind)));
        }

        // The loops can still run too long or the text grow too big, and the marks can be wrong: a trial rendering says.
        var trial = Parts(kind, parsed, Sample, Language.De);
        return trial.IsOk ? Result<IFluidTemplate>.Ok(parsed) : Result<IFluidTemplate>.Fail(trial.Errors);
    }

    private static Result<LetterParts> Parts(LetterKind kind, IFluidTemplate parsed, LetterData data, Language language)
    {
        var context = new TemplateContext(Options);
        Fill(context, data, language);
        using var writer = new MailTemplates.BoundedWriter(MailTemplates.MaxOutput);
        try
        {
            // Completes synchronously: the allowed tags read nothing from outside.
            parsed.RenderAsync(writer, NullEncoder.Default, context).AsTask().GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            return Error.Invalid(Field, "letters.template.tooBig", Number(MailTemplates.MaxOutput));
        }

        return LetterMarkup.Parse(writer.ToString(), kind.NeedsRemedy(), Field);
    }

    /// <summary>Every variable of every kind: a template can only name its kind's (the check saw to that).</summary>
    private static void Fill(TemplateContext context, LetterData data, Language language)
    {
        string Date(DateOnly? date) => date is { } d ? Core.Assessment.FindingText.Date(d, language) : string.Empty;
        context.SetValue("authority", Object(("name", data.Authority.Name), ("seat", data.Authority.Seat), ("court", data.Authority.Court)));
        context.SetValue("body", Object(("name", data.Body.Name), ("contact", data.Body.ContactPerson ?? string.Empty)));
        context.SetValue("handler", Object(("name", data.Handler.Name), ("function", data.Handler.Function)));
        context.SetValue("file_number", Text(data.FileNumber));
        context.SetValue("date", Text(Date(data.Date)));
        context.SetValue("facts", Text(data.Facts));
        context.SetValue("deadline", Object(("date", Date(data.Deadline?.End)), ("period", data.Deadline?.Period ?? string.Empty), ("computation", data.Deadline?.Computation ?? string.Empty)));
        context.SetValue("infringements", new ArrayValue([.. data.Infringements.Select(i => (FluidValue)Object(
            ("finding", i.Finding), ("criterion", i.Criterion), ("articles", ArticleNotation.FormatAll(i.Articles, language))))]));
        context.SetValue("measure", Object(("name", data.Measure?.Name ?? string.Empty), ("powers", data.Measure is null ? string.Empty : ArticleNotation.FormatAll(data.Measure.Powers, language))));
        context.SetValue("orders", new ArrayValue([.. (data.Measure?.Orders ?? []).Select(o => (FluidValue)Text(o))]));
        context.SetValue("hearing", Object(("ground", data.HearingGround), ("date", Date(data.HearingDate)), ("statement", data.Statement)));
        context.SetValue("discretion", Text(data.Discretion));
        context.SetValue("fine", Object(("amount", data.Fine is null ? string.Empty : LetterFormat.Money(data.Fine.Amount, language)), ("calculation", data.Fine?.Calculation ?? string.Empty)));
        context.SetValue("evidence", Text(data.Evidence));
        context.SetValue("closing", Object(("reason", data.ClosingReason)));
    }

    private static StringValue Text(string value) => new(LetterMarkup.Escape(value));

    private static DictionaryValue Object(params (string Key, string Value)[] members) =>
        new(new FluidValueDictionaryFluidIndexable(members.ToDictionary(m => m.Key, m => (FluidValue)Text(m.Value), StringComparer.Ordinal)));

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Position();
}
