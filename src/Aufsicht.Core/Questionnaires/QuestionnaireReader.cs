using System.Globalization;
using System.Text.Json;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;
namespace Aufsicht.Core.Questionnaires;

/// <summary>
/// Reads a questionnaire definition (docs/formats/questionnaire.md). Besides the form of each field it checks what
/// makes a definition usable: ids unique, conditions pointing to an earlier question and to values it can have, and a
/// deployment mapping whose questions exist and whose answers fit the deployment field they fill.
/// </summary>
public static class QuestionnaireReader
{
    /// <summary>The deployment fields a questionnaire can fill, with the kind of question and the values each accepts (null: any).</summary>
    public static readonly IReadOnlyDictionary<string, (QuestionKind Kind, IReadOnlyList<string>? Values)> DeploymentFields =
        new Dictionary<string, (QuestionKind, IReadOnlyList<string>?)>(StringComparer.Ordinal)
        {
            ["operatingModel"] = (QuestionKind.OneOf, FactDomains.OperatingModels),
            ["purposes"] = (QuestionKind.AnyOf, null),
            ["dataSubjects"] = (QuestionKind.AnyOf, FactDomains.DataSubjects),
            ["specialCategories"] = (QuestionKind.YesNoUnknown, null),
            ["protectionNeed"] = (QuestionKind.OneOf, FactDomains.ProtectionNeeds),
            ["legalBasis"] = (QuestionKind.AnyOf, FactDomains.LegalBases),
            ["processorAgreementConcluded"] = (QuestionKind.YesNoUnknown, null),
            ["dpia"] = (QuestionKind.OneOf, FactDomains.Dpia),
            ["recordOfProcessing"] = (QuestionKind.YesNoUnknown, null),
            ["participantsInformed"] = (QuestionKind.OneOf, FactDomains.ParticipantsInformed),
            ["safeguards.e2eeEnabled"] = (QuestionKind.YesNoUnknown, null),
            ["safeguards.lobby"] = (QuestionKind.YesNoUnknown, null),
            ["safeguards.recordingOff"] = (QuestionKind.YesNoUnknown, null),
            ["safeguards.telemetryBlocked"] = (QuestionKind.YesNoUnknown, null),
        };

    public static readonly IReadOnlyList<string> YesNoUnknown = ["yes", "no", FactDomains.Unknown];

    private static readonly Dictionary<string, QuestionKind> Kinds = new(StringComparer.Ordinal)
    {
        ["single"] = QuestionKind.OneOf,
        ["multiple"] = QuestionKind.AnyOf,
        ["services"] = QuestionKind.Services,
        ["yes-no-unknown"] = QuestionKind.YesNoUnknown,
        ["text"] = QuestionKind.Text,
        ["number"] = QuestionKind.Number,
        ["date"] = QuestionKind.Date,
    };

    private const string QuestionId = "^[a-z][a-zA-Z0-9]*$";

    public static Result<Questionnaire> Read(ReadOnlyMemory<byte> utf8) => ProfileReader.Read(utf8, Read);

    public static Result<Questionnaire> Read(JsonElement root)
    {
        var errors = new List<Error>();
        var r = ObjectReader.Open(root, string.Empty, errors);
        if (r is null)
        {
            return Result<Questionnaire>.Fail(errors);
        }

        r.RejectUnknown(["key", "title", "intro", "sections", "deployment"]);
        var key = r.String("key", maxLength: 80, pattern: Patterns.Id);
        var title = r.Text("title");
        var intro = r.Text("intro", required: false);
        var sections = new List<Section>();
        foreach (var (element, path) in r.Array("sections") ?? [])
        {
            if (ReadSection(element, path, errors) is { } section)
            {
                sections.Add(section);
            }
        }

        if (r.Has("sections") && sections.Count == 0 && errors.Count == 0)
        {
            r.Fail("sections", "needs at least one section");
        }

        var mappingReader = r.Object("deployment");
        DeploymentMapping? mapping = null;
        if (mappingReader is not null)
        {
            mappingReader.RejectUnknown(["services", "fields"]);
            var services = mappingReader.String("services", maxLength: 80, pattern: QuestionId);
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            var fieldsReader = mappingReader.Object("fields");
            if (fieldsReader is not null)
            {
                fieldsReader.RejectUnknown([.. DeploymentFields.Keys]);
                foreach (var name in fieldsReader.PropertyNames())
                {
                    if (DeploymentFields.ContainsKey(name) && fieldsReader.String(name, maxLength: 80, pattern: QuestionId) is { } question)
                    {
                        fields[name] = question;
                    }
                }
            }

            mapping = services is null ? null : new DeploymentMapping(services, fields);
        }

        if (errors.Count > 0)
        {
            return Result<Questionnaire>.Fail(errors);
        }

        var questionnaire = new Questionnaire(key!, title!, intro, sections, mapping!);
        CheckReferences(questionnaire, errors);
        return errors.Count > 0 ? Result<Questionnaire>.Fail(errors) : Result<Questionnaire>.Ok(questionnaire);
    }

    private static Section? ReadSection(JsonElement element, string path, List<Error> errors)
    {
        var r = ObjectReader.Open(element, path, errors);
        if (r is null)
        {
            return null;
        }

        r.RejectUnknown(["id", "title", "intro", "forEachService", "questions"]);
        var id = r.String("id", maxLength: 80, pattern: QuestionId);
        var title = r.Text("title");
        var intro = r.Text("intro", required: false);
        var forEach = r.String("forEachService", required: false, maxLength: 80, pattern: QuestionId);
        var questions = new List<Question>();
        foreach (var (item, itemPath) in r.Array("questions") ?? [])
        {
            if (ReadQuestion(item, itemPath, errors) is { } question)
            {
                questions.Add(question);
            }
        }

        return id is null || title is null ? null : new Section(id, title, intro, forEach, questions);
    }

    private static Question? ReadQuestion(JsonElement element, string path, List<Error> errors)
    {
        var r = ObjectReader.Open(element, path, errors);
        if (r is null)
        {
            return null;
        }

        r.RejectUnknown(["id", "type", "label", "help", "required", "options", "showIf", "min", "max", "maxLength", "category", "allowOther"]);
        var id = r.String("id", maxLength: 80, pattern: QuestionId);
        var typeName = r.Enum("type", [.. Kinds.Keys], allowUnknown: false);
        var label = r.Text("label");
        var help = r.Text("help", required: false);
        var required = r.Bool("required", allowUnknown: false, required: false) ?? false;
        var kind = typeName is null ? (QuestionKind?)null : Kinds[typeName];
        var options = new List<Option>();
        if (kind is QuestionKind.OneOf or QuestionKind.AnyOf)
        {
            var items = r.Array("options");
            foreach (var (item, itemPath) in items ?? [])
            {
                var o = ObjectReader.Open(item, itemPath, errors);
                if (o is null)
                {
                    continue;
                }

                o.RejectUnknown(["value", "label"]);
                var value = o.String("value", maxLength: 80, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$");
                var optionLabel = o.Text("label");
                if (value is not null && options.Any(x => x.Value == value))
                {
                    o.Fail("value", $"\"{value}\" is given twice");
                }
                else if (value is not null && optionLabel is not null)
                {
                    options.Add(new Option(value, optionLabel));
                }
            }

            if (items is { Count: 0 })
            {
                r.Fail("options", "needs at least one option");
            }
        }
        else if (kind is not null && r.Has("options"))
        {
            r.Fail("options", $"only single and multiple choice questions have options; this one is \"{typeName}\"");
        }

        Condition? condition = null;
        if (r.Object("showIf", required: false) is { } c)
        {
            c.RejectUnknown(["question", "anyOf"]);
            var question = c.String("question", maxLength: 80, pattern: QuestionId);
            var anyOf = new List<string>();
            foreach (var (item, itemPath) in c.Array("anyOf") ?? [])
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 and <= 80 } value)
                {
                    anyOf.Add(value);
                }
                else
                {
                    errors.Add(new Error(itemPath, $"expected a value of that question; got {ObjectReader.Describe(item)}"));
                }
            }

            if (c.Has("anyOf") && anyOf.Count == 0)
            {
                c.Fail("anyOf", "needs at least one value");
            }

            condition = question is null ? null : new Condition(question, anyOf);
        }

        decimal? min = null, max = null;
        if (kind == QuestionKind.Number)
        {
            min = Number(r, "min");
            max = Number(r, "max");
            if (min > max)
            {
                r.Fail("max", "must not be below min");
            }
        }
        else if (kind is not null)
        {
            foreach (var name in new[] { "min", "max" })
            {
                if (r.Has(name))
                {
                    r.Fail(name, "only number questions have a minimum and maximum");
                }
            }
        }

        var maxLength = 2000;
        if (r.Has("maxLength") && kind is not null)
        {
            if (kind != QuestionKind.Text)
            {
                r.Fail("maxLength", "only text questions have a maximum length");
            }
            else if (Number(r, "maxLength") is { } n)
            {
                if (n is < 1 or > 10000 || n != decimal.Truncate(n))
                {
                    r.Fail("maxLength", "expected a whole number from 1 to 10000");
                }
                else
                {
                    maxLength = (int)n;
                }
            }
        }

        string? category = null;
        var allowOther = false;
        if (kind == QuestionKind.Services)
        {
            category = r.Enum("category", FactDomains.Categories, allowUnknown: false, required: false);
            allowOther = r.Bool("allowOther", allowUnknown: false, required: false) ?? false;
        }
        else if (kind is not null)
        {
            foreach (var name in new[] { "category", "allowOther" })
            {
                if (r.Has(name))
                {
                    r.Fail(name, "only service questions have a catalogue category and \"other\"");
                }
            }
        }

        return id is null || kind is null || label is null
            ? null
            : new Question(id, kind.Value, label, help, required, options, condition, min, max, maxLength, category, allowOther);
    }

    private static decimal? Number(ObjectReader r, string name)
    {
        if (!r.Has(name))
        {
            return null;
        }

        var text = r.Raw(name);
        if (text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        r.Fail(name, "expected a number");
        return null;
    }

    /// <summary>What a definition must hold together: unique ids, conditions to earlier questions, a mapping that fits.</summary>
    private static void CheckReferences(Questionnaire q, List<Error> errors)
    {
        var seenSections = new HashSet<string>(StringComparer.Ordinal);
        var earlier = new Dictionary<string, (int Section, Question Question)>(StringComparer.Ordinal);
        for (var s = 0; s < q.Sections.Count; s++)
        {
            var section = q.Sections[s];
            var sectionPath = $"sections[{s}]";
            if (!seenSections.Add(section.Id))
            {
                errors.Add(new Error(sectionPath + ".id", $"section id \"{section.Id}\" is used twice"));
            }

            if (section.ForEachService is { } each)
            {
                if (!earlier.TryGetValue(each, out var target) || target.Question.Kind != QuestionKind.Services)
                {
                    errors.Add(new Error(sectionPath + ".forEachService", $"\"{each}\" is not a service question of an earlier section"));
                }
                else if (q.Sections[target.Section].ForEachService is not null)
                {
                    errors.Add(new Error(sectionPath + ".forEachService", $"\"{each}\" is itself asked per service"));
                }
            }

            for (var i = 0; i < section.Questions.Count; i++)
            {
                var question = section.Questions[i];
                var path = $"{sectionPath}.questions[{i}]";
                if (question.ShowIf is { } condition)
                {
                    CheckCondition(q, s, condition, earlier, path + ".showIf", errors);
                }

                if (question.Kind == QuestionKind.Services && section.ForEachService is not null)
                {
                    errors.Add(new Error(path + ".type", "a service question cannot stand in a section asked per service"));
                }

                if (!earlier.TryAdd(question.Id, (s, question)))
                {
                    errors.Add(new Error(path + ".id", $"question id \"{question.Id}\" is used twice"));
                }
            }
        }

        CheckMapping(q, earlier, errors);
    }

    private static void CheckCondition(Questionnaire q, int section, Condition condition, Dictionary<string, (int Section, Question Question)> earlier, string path, List<Error> errors)
    {
        if (!earlier.TryGetValue(condition.Question, out var target))
        {
            var exists = q.Find(condition.Question) is not null;
            errors.Add(new Error(path + ".question", exists
                ? $"\"{condition.Question}\" comes later; a condition can only look at an earlier question"
                : $"there is no question \"{condition.Question}\""));
            return;
        }

        var targetSection = q.Sections[target.Section];
        if (targetSection.ForEachService is not null && target.Section != section)
        {
            errors.Add(new Error(path + ".question", $"\"{condition.Question}\" is asked per service in another section; a condition can look at it only within its section"));
            return;
        }

        IReadOnlyList<string>? values = target.Question.Kind switch
        {
            QuestionKind.OneOf or QuestionKind.AnyOf => target.Question.Options.Select(o => o.Value).ToArray(),
            QuestionKind.YesNoUnknown => YesNoUnknown,
            QuestionKind.Services => null,
            _ => [],
        };
        if (values is { Count: 0 })
        {
            errors.Add(new Error(path + ".question", $"\"{condition.Question}\" is a {target.Question.Kind.ToString().ToLowerInvariant()} question; conditions can look at choice, yes/no and service questions only"));
            return;
        }

        for (var i = 0; i < condition.AnyOf.Count; i++)
        {
            var value = condition.AnyOf[i];
            if (values is not null && !values.Contains(value, StringComparer.Ordinal))
            {
                errors.Add(new Error($"{path}.anyOf[{i}]", $"\"{value}\" is not a value of \"{condition.Question}\"; expected one of {string.Join(", ", values)}"));
            }
        }
    }

    private static void CheckMapping(Questionnaire q, Dictionary<string, (int Section, Question Question)> all, List<Error> errors)
    {
        var services = q.Mapping.ServicesQuestion;
        if (!all.TryGetValue(services, out var picker) || picker.Question.Kind != QuestionKind.Services)
        {
            errors.Add(new Error("deployment.services", $"\"{services}\" is not a service question"));
            return;
        }

        foreach (var (field, questionId) in q.Mapping.Fields)
        {
            var path = "deployment.fields." + field;
            if (!all.TryGetValue(questionId, out var target))
            {
                errors.Add(new Error(path, $"there is no question \"{questionId}\""));
                continue;
            }

            var each = q.Sections[target.Section].ForEachService;
            if (each is not null && each != services)
            {
                errors.Add(new Error(path, $"\"{questionId}\" is asked per service of \"{each}\", not of \"{services}\""));
            }

            var (kind, values) = DeploymentFields[field];
            if (target.Question.Kind != kind)
            {
                errors.Add(new Error(path, $"\"{questionId}\" is a {Wire(target.Question.Kind)} question; {field} needs a {Wire(kind)} question"));
                continue;
            }

            if (values is null)
            {
                continue;
            }

            foreach (var option in target.Question.Options)
            {
                if (option.Value != FactDomains.Unknown && !values.Contains(option.Value, StringComparer.Ordinal))
                {
                    errors.Add(new Error(path, $"option \"{option.Value}\" of \"{questionId}\" is not a value of {field}; expected {string.Join(", ", values)} or unknown"));
                }
            }
        }
    }

    public static string Wire(QuestionKind kind) => Kinds.First(k => k.Value == kind).Key;
}
