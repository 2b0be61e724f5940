using System.Globalization;

namespace Aufsicht.Core.Questionnaires;

/// <summary>What is wrong with one answer: the answer key, a code for the message (localised by the app) and its argument.</summary>
public sealed record AnswerError(string Key, string Code, string? Argument = null);

/// <summary>One question as the respondent meets it: in a service's scope or not, and whether its condition shows it.</summary>
public sealed record AskedQuestion(Section Section, Question Question, string? ServiceKey, bool Visible)
{
    public string Key => Answers.Key(Question.Id, ServiceKey);
}

/// <summary>
/// The rules of filling in a questionnaire: which questions are asked (per picked service; conditions), which answers
/// are well-formed, and which are missing before submission. Pure: the service ids of the catalogue come in.
/// </summary>
public static partial class SurveyForm
{
    public static class Codes
    {
        public const string Required = "required";
        public const string NotAnOption = "not-an-option";
        public const string NotANumber = "not-a-number";
        public const string AmbiguousNumber = "ambiguous-number";
        public const string BelowMin = "below-min";
        public const string AboveMax = "above-max";
        public const string NotADate = "not-a-date";
        public const string TooLong = "too-long";
        public const string OneValue = "one-value";
        public const string UnknownService = "unknown-service";
        public const string UnknownQuestion = "unknown-question";
        public const string OtherMissing = "other-missing";
    }

    /// <summary>The service keys picked in a service question, in the order picked: catalogue ids, then "other".</summary>
    public static IReadOnlyList<string> Picked(Answers answers, string servicesQuestion)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return answers.Get(servicesQuestion);
    }

    /// <summary>Every question of the questionnaire in order, repeated per picked service where its section says so.</summary>
    public static IReadOnlyList<AskedQuestion> Asked(Questionnaire questionnaire, Answers answers)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(answers);
        var asked = new List<AskedQuestion>();
        foreach (var section in questionnaire.Sections)
        {
            if (section.ForEachService is { } services)
            {
                foreach (var service in Picked(answers, services))
                {
                    foreach (var question in section.Questions)
                    {
                        asked.Add(new AskedQuestion(section, question, service, IsShown(questionnaire, question, service, answers)));
                    }
                }
            }
            else
            {
                foreach (var question in section.Questions)
                {
                    asked.Add(new AskedQuestion(section, question, null, IsShown(questionnaire, question, null, answers)));
                }
            }
        }

        return asked;
    }

    /// <summary>Whether a question's condition holds; the condition's question is read in the same service scope where it is asked per service.</summary>
    public static bool IsShown(Questionnaire questionnaire, Question question, string? serviceKey, Answers answers)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answers);
        if (question.ShowIf is not { } condition)
        {
            return true;
        }

        var target = questionnaire.Find(condition.Question);
        if (target is null)
        {
            return false;
        }

        // A hidden question hides what depends on it, whatever is still stored for it.
        var scope = target.Value.Section.ForEachService is null ? null : serviceKey;
        if (!IsShown(questionnaire, target.Value.Question, scope, answers))
        {
            return false;
        }

        foreach (var value in answers.Get(Answers.Key(condition.Question, scope)))
        {
            if (condition.AnyOf.Contains(value, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The answers as they count: trimmed, blanks dropped, and answers to questions that are not shown (or to services
    /// no longer picked) removed, so a changed earlier answer cannot leave stale answers behind.
    /// </summary>
    public static Answers Clean(Questionnaire questionnaire, Answers answers)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(answers);
        var trimmed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in answers.Values)
        {
            var kept = values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
            if (kept.Length > 0)
            {
                trimmed[key] = kept;
            }
        }

        var current = new Answers(trimmed);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var asked in Asked(questionnaire, current))
        {
            if (!asked.Visible)
            {
                continue;
            }

            if (current.Has(asked.Key))
            {
                var values = current.Get(asked.Key);
                result[asked.Key] = asked.Question.Kind == QuestionKind.Number ? values.Select(CanonicalNumber).ToArray() : values;
            }

            var otherKey = Answers.OtherKey(asked.Question.Id);
            if (asked.Question.Kind == QuestionKind.Services && current.Get(asked.Key).Contains(Answers.Other) && current.Has(otherKey))
            {
                result[otherKey] = current.Get(otherKey);
            }
        }

        // Keys no question asks for are kept, so that Check can name them.
        foreach (var (key, values) in current.Values)
        {
            if (!IsKnownKey(questionnaire, key))
            {
                result[key] = values;
            }
        }

        return new Answers(result);
    }

    /// <summary>
    /// Checks cleaned answers: every value of the right kind; with <paramref name="complete"/> (on submission) also
    /// every required question that is shown answered.
    /// </summary>
    public static IReadOnlyList<AnswerError> Check(Questionnaire questionnaire, Answers answers, Func<string, string?, bool> isCatalogueService, bool complete)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(isCatalogueService);
        var errors = new List<AnswerError>();
        foreach (var key in answers.Values.Keys)
        {
            if (!IsKnownKey(questionnaire, key))
            {
                errors.Add(new AnswerError(key, Codes.UnknownQuestion));
            }
        }

        foreach (var asked in Asked(questionnaire, answers))
        {
            if (!asked.Visible)
            {
                continue;
            }

            var values = answers.Get(asked.Key);
            if (values.Count == 0)
            {
                if (complete && asked.Question.Required)
                {
                    errors.Add(new AnswerError(asked.Key, Codes.Required));
                }

                continue;
            }

            if (CheckValues(asked.Question, values, isCatalogueService) is { } error)
            {
                errors.Add(error with { Key = asked.Key });
            }

            if (asked.Question.Kind == QuestionKind.Services && values.Contains(Answers.Other))
            {
                var other = answers.One(Answers.OtherKey(asked.Question.Id));
                if (other is null)
                {
                    errors.Add(new AnswerError(Answers.OtherKey(asked.Question.Id), Codes.OtherMissing));
                }
                else if (other.Length > 200)
                {
                    errors.Add(new AnswerError(Answers.OtherKey(asked.Question.Id), Codes.TooLong, "200"));
                }
            }
        }

        return errors;
    }

    private static AnswerError? CheckValues(Question question, IReadOnlyList<string> values, Func<string, string?, bool> isCatalogueService)
    {
        var kind = QuestionKinds.Of(question.Kind);
        if (!kind.Many && values.Count > 1)
        {
            return new AnswerError(string.Empty, Codes.OneValue);
        }

        foreach (var value in values)
        {
            if (kind.Check(question, value, isCatalogueService) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>
    /// A number as a person types it, in German or English notation: 1500, 1 500, 1.500.000, 12,5, 12.5, 1.500,5,
    /// 1,500.5. Null if it is none — or if it is ambiguous (<see cref="IsAmbiguousNumber"/>): "1.500" is fifteen
    /// hundred to a German reader and one and a half to an English one, so it is refused rather than guessed. Spaces
    /// count only as thousands separators ("1 500", not "1 5").
    /// </summary>
    public static decimal? ParseNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Any(IsGroupSpace))
        {
            return SpaceGrouped().IsMatch(trimmed) ? ParseNumber(string.Concat(trimmed.Where(c => !IsGroupSpace(c)))) : null;
        }

        if (trimmed.Length == 0 || IsAmbiguousNumber(trimmed))
        {
            return null;
        }

        var (dots, commas) = (trimmed.Count(c => c == '.'), trimmed.Count(c => c == ','));
        char? group = (dots, commas) switch
        {
            ( > 0, > 0) => trimmed.LastIndexOf('.') > trimmed.LastIndexOf(',') ? ',' : '.',
            ( > 1, 0) => '.',
            (0, > 1) => ',',
            _ => null,
        };
        if (group is { } g && !Grouped(trimmed, g))
        {
            return null;
        }

        var normal = (group is { } sep ? trimmed.Replace(sep.ToString(), string.Empty, StringComparison.Ordinal) : trimmed).Replace(',', '.');
        return decimal.TryParse(normal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>
    /// One separator with exactly three digits after it and one to three before ("1.500", "12,000", "-1.500"): a
    /// thousands separator in one notation, a decimal point in the other.
    /// </summary>
    public static bool IsAmbiguousNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = text.Trim().TrimStart('-', '+');
        var at = compact.IndexOfAny(['.', ',']);
        return at is >= 1 and <= 3 && compact.Length - at - 1 == 3 && compact.LastIndexOfAny(['.', ',']) == at
            && compact.Where((c, i) => i != at).All(char.IsAsciiDigit) && compact[..at].TrimStart('0').Length > 0;
    }

    /// <summary>
    /// The answer as stored: one notation, no grouping, no trailing zeros (12.5, 1500), so exports and evaluation never
    /// guess. A value that would itself look ambiguous gets one zero more (1.234 is stored as 1.2340), so a stored
    /// answer always passes the check again.
    /// </summary>
    public static string CanonicalNumber(string text)
    {
        if (ParseNumber(text) is not { } number)
        {
            return text;
        }

        var canonical = number.ToString("0.############################", CultureInfo.InvariantCulture);
        return IsAmbiguousNumber(canonical) ? canonical + "0" : canonical;
    }

    private static bool IsGroupSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009';

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+-]?\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?:[.,]\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex SpaceGrouped();

    /// <summary>Whether every group after the first separator <paramref name="group"/> has three digits, and the first one to three.</summary>
    private static bool Grouped(string text, char group)
    {
        var integer = text.TrimStart('-', '+');
        var decimalAt = integer.IndexOfAny(group == '.' ? [','] : ['.']);
        var parts = (decimalAt < 0 ? integer : integer[..decimalAt]).Split(group);
        return parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3);
    }

    private static bool IsKnownKey(Questionnaire questionnaire, string key)
    {
        var at = key.IndexOf('@', StringComparison.Ordinal);
        var id = at < 0 ? key : key[..at];
        if (id.EndsWith(".other", StringComparison.Ordinal) && at < 0)
        {
            return questionnaire.Find(id[..^6]) is { Question.Kind: QuestionKind.Services };
        }

        var found = questionnaire.Find(id);
        return found is not null && (found.Value.Section.ForEachService is null) == (at < 0);
    }
}
