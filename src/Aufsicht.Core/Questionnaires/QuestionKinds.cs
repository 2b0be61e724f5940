using System.Globalization;

namespace Aufsicht.Core.Questionnaires;

/// <summary>The kinds of question a questionnaire may ask. Each has a <see cref="KindDescriptor"/> in <see cref="QuestionKinds"/>.</summary>
public enum QuestionKind
{
    /// <summary>One of the options (single choice).</summary>
    OneOf,

    /// <summary>Any number of the options (multiple choice).</summary>
    AnyOf,

    /// <summary>Services of the catalogue (of one category), optionally "other, namely …" in free text.</summary>
    Services,

    /// <summary>yes, no or unknown.</summary>
    YesNoUnknown,

    /// <summary>Free text of at most the question's <see cref="Question.MaxLength"/> characters.</summary>
    Text,

    /// <summary>A number in German or English notation (<see cref="SurveyForm.ParseNumber"/>), between the question's min and max.</summary>
    Number,

    /// <summary>A calendar date, yyyy-MM-dd.</summary>
    Date,
}

/// <summary>
/// The check of one answer value of a question: null if it is well-formed, else the error with an empty key (the
/// caller fills it in). <paramref name="isCatalogueService"/> tells whether a service id is in the catalogue (of a category).
/// </summary>
public delegate AnswerError? ValueCheck(Question question, string value, Func<string, string?, bool> isCatalogueService);

/// <summary>
/// How the form draws a kind that is one plain field, as hints and not markup: <see cref="Type"/> is an HTML input
/// type ("text", "date", "email") or <see cref="Textarea"/> for several lines (limited to the question's
/// <see cref="Question.MaxLength"/>); the rest become the attributes of the same names, and <see cref="Narrow"/> a
/// narrow field.
/// </summary>
public sealed record InputHint(string Type, string? InputMode = null, string? AutoComplete = null, int? MaxLength = null, bool Narrow = false)
{
    public const string Textarea = "textarea";
}

/// <summary>
/// What one question kind is: its <see cref="Wire"/> name (the <c>type</c> of a question in the JSON definition),
/// whether it takes <see cref="Many"/> values, the <see cref="Check"/> of each value with the <see cref="Codes"/> it
/// may return (each needs a message <c>answer.&lt;code&gt;</c>), and its <see cref="Input"/> when it is one plain
/// field (null for a choice, which the form draws as radio buttons or checkboxes).
/// </summary>
public sealed record KindDescriptor(string Wire, bool Many, ValueCheck Check, IReadOnlyList<string> Codes, InputHint? Input);

/// <summary>
/// The descriptor of every <see cref="QuestionKind"/>: one entry per kind, read by the questionnaire reader (wire
/// names), <see cref="SurveyForm"/> (checks) and the respondent's form (input hints). A kind without one fails the
/// first use of this class.
/// </summary>
public static class QuestionKinds
{
    private static readonly Dictionary<QuestionKind, KindDescriptor> Descriptors = new()
    {
        [QuestionKind.OneOf] = new("single", false, IsOption, [SurveyForm.Codes.NotAnOption], null),
        [QuestionKind.AnyOf] = new("multiple", true, IsOption, [SurveyForm.Codes.NotAnOption], null),
        [QuestionKind.Services] = new("services", true, IsService, [SurveyForm.Codes.UnknownService], null),
        [QuestionKind.YesNoUnknown] = new("yes-no-unknown", false, IsYesNoUnknown, [SurveyForm.Codes.NotAnOption], null),
        [QuestionKind.Text] = new("text", false, FitsMaxLength, [SurveyForm.Codes.TooLong], new InputHint(InputHint.Textarea)),
        [QuestionKind.Number] = new("number", false, IsNumberInRange,
            [SurveyForm.Codes.NotANumber, SurveyForm.Codes.AmbiguousNumber, SurveyForm.Codes.BelowMin, SurveyForm.Codes.AboveMax],
            new InputHint("text", InputMode: "decimal", Narrow: true)),
        [QuestionKind.Date] = new("date", false, IsDate, [SurveyForm.Codes.NotADate], new InputHint("date", Narrow: true)),
    };

    private static readonly Dictionary<string, QuestionKind> ByWireName = CheckComplete();

    /// <summary>The wire names, in the order of the enum.</summary>
    public static readonly IReadOnlyList<string> WireNames = [.. Enum.GetValues<QuestionKind>().Select(k => Descriptors[k].Wire)];

    /// <summary>Every kind with its descriptor, in the order of the enum.</summary>
    public static IEnumerable<(QuestionKind Kind, KindDescriptor Descriptor)> All =>
        Enum.GetValues<QuestionKind>().Select(k => (k, Descriptors[k]));


    public static KindDescriptor Of(QuestionKind kind) => Descriptors[kind];

    /// <summary>The kind of a wire name, or null.</summary>
    public static QuestionKind? FromWire(string wire) => ByWireName.TryGetValue(wire, out var kind) ? kind : null;

    /// <summary>Every kind has a descriptor and every wire name is one kind's; else the type cannot be initialised.</summary>
    private static Dictionary<string, QuestionKind> CheckComplete()
    {
        var missing = Enum.GetValues<QuestionKind>().Where(k => !Descriptors.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("No descriptor in QuestionKinds for question kind(s) " + string.Join(", ", missing) + ".");
        }

        var byWire = new Dictionary<string, QuestionKind>(StringComparer.Ordinal);
        foreach (var (kind, descriptor) in Descriptors)
        {
            if (!byWire.TryAdd(descriptor.Wire, kind))
            {
                throw new InvalidOperationException($"Question kinds {byWire[descriptor.Wire]} and {kind} have the same wire name '{descriptor.Wire}'.");
            }
        }

        return byWire;
    }

    private static AnswerError? IsOption(Question question, string value, Func<string, string?, bool> isCatalogueService) =>
        question.Options.Any(o => o.Value == value) ? null : new AnswerError(string.Empty, SurveyForm.Codes.NotAnOption, value);

    private static AnswerError? IsYesNoUnknown(Question question, string value, Func<string, string?, bool> isCatalogueService) =>
        QuestionnaireReader.YesNoUnknown.Contains(value, StringComparer.Ordinal) ? null : new AnswerError(string.Empty, SurveyForm.Codes.NotAnOption, value);

    private static AnswerError? IsService(Question question, string value, Func<string, string?, bool> isCatalogueService) =>
        (value == Answers.Other && question.AllowOther) || isCatalogueService(value, question.Category)
            ? null
            : new AnswerError(string.Empty, SurveyForm.Codes.UnknownService, value);

    private static AnswerError? FitsMaxLength(Question question, string value, Func<string, string?, bool> isCatalogueService) =>
        value.Length > question.MaxLength ? new AnswerError(string.Empty, SurveyForm.Codes.TooLong, question.MaxLength.ToString(CultureInfo.InvariantCulture)) : null;

    private static AnswerError? IsNumberInRange(Question question, string value, Func<string, string?, bool> isCatalogueService)
    {
        if (SurveyForm.ParseNumber(value) is not { } number)
        {
            return new AnswerError(string.Empty, SurveyForm.IsAmbiguousNumber(value) ? SurveyForm.Codes.AmbiguousNumber : SurveyForm.Codes.NotANumber, value);
        }

        return number < question.Min ? new AnswerError(string.Empty, SurveyForm.Codes.BelowMin, question.Min.Value.ToString(CultureInfo.InvariantCulture))
            : number > question.Max ? new AnswerError(string.Empty, SurveyForm.Codes.AboveMax, question.Max.Value.ToString(CultureInfo.InvariantCulture))
            : null;
    }

    private static AnswerError? IsDate(Question question, string value, Func<string, string?, bool> isCatalogueService) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : new AnswerError(string.Empty, SurveyForm.Codes.NotADate, value);
}
