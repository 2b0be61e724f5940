using System.Globalization;
using System.Text.Json;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;
namespace Aufsicht.Core.Questionnaires;

/// <summary>
/// Reads a questionnaire definition (docs/formats/questionnaire.md). Besides the form of each field it checks what
/// makes a definition usable: ids unique, conditions pointing to an earlier question and to values it can have, and a
/// deployment mapping whose questions exist and whose answers fit the deployment field they fill. Its own message keys
/// are <c>questionnairefile.*</c>; the form of each field is checked with the data files' <c>datafile.*</c>.
/// </summary>
public static class QuestionnaireReader
{
    /// <summary>
    /// The deployment fields a questionnaire can fill (<see cref="Catalog.DeploymentFields"/>), with the kind of question
    /// and the values each accepts (null: any).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (QuestionKind Kind, IReadOnlyList<string>? Values)> DeploymentFields =
        Catalog.DeploymentFields.All.ToDictionary(f => f.Name, f => (KindOf(f.Shape), f.Values), StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> YesNoUnknown = ["yes", "no", FactDomains.Unknown];

    private const string QuestionId = Patterns.Name;

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
            r.Invalid("sections", "questionnairefile.noSections");
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
        var typeName = r.Enum("type", QuestionKinds.WireNames, allowUnknown: false);
        var label = r.Text("label");
        var help = r.Text("help", required: false);
        var required = r.Bool("required", allowUnknown: false, required: false) ?? false;
        var kind = typeName is null ? null : QuestionKinds.FromWire(typeName);
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
                var value = o.String("value", maxLength: 80, pattern: Patterns.Id);
                var optionLabel = o.Text("label");
                if (value is not null && options.Any(x => x.Value == value))
                {
                    o.Invalid("value", "questionnairefile.optionTwice", value);
                }
                else if (value is not null && optionLabel is not null)
                {
                    options.Add(new Option(value, optionLabel));
                }
            }

            if (items is { Count: 0 })
            {
                r.Invalid("options", "questionnairefile.noOptions");
            }
        }
        else if (kind is not null && r.Has("options"))
        {
            r.Invalid("options", "questionnairefile.optionsNotChoice", typeName!);
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
                    errors.Add(Error.Invalid(itemPath, "questionnairefile.notAValue", ObjectReader.Describe(item)));
                }
            }

            if (c.Has("anyOf") && anyOf.Count == 0)
            {
                c.Invalid("anyOf", "questionnairefile.noValues");
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
                r.Invalid("max", "questionnairefile.maxBelowMin");
            }
        }
        else if (kind is not null)
        {
            foreach (var name in new[] { "min", "max" })
            {
                if (r.Has(name))
                {
                    r.Invalid(name, "questionnairefile.minMaxNotNumber");
                }
            }
        }

        var maxLength = 2000;
        if (r.Has("maxLength") && kind is not null)
        {
            if (kind != QuestionKind.Text)
            {
                r.Invalid("maxLength", "questionnairefile.maxLengthNotText");
            }
            else if (Number(r, "maxLength") is { } n)
            {
                if (n is < 1 or > 10000 || n != decimal.Truncate(n))
                {
                    r.Invalid("maxLength", "questionnairefile.maxLengthRange", "1", "10000");
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
                    r.Invalid(name, "questionnairefile.categoryNotServices");
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

        r.Invalid(name, "questionnairefile.notANumber");
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
                errors.Add(Error.Invalid(sectionPath + ".id", "questionnairefile.sectionTwice", section.Id));
            }

            if (section.ForEachService is { } each)
            {
                if (!earlier.TryGetValue(each, out var target) || target.Question.Kind != QuestionKind.Services)
                {
                    errors.Add(Error.Invalid(sectionPath + ".forEachService", "questionnairefile.forEachNotServices", each));
                }
                else if (q.Sections[target.Section].ForEachService is not null)
                {
                    errors.Add(Error.Invalid(sectionPath + ".forEachService", "questionnairefile.forEachNested", each));
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
                    errors.Add(Error.Invalid(path + ".type", "questionnairefile.servicesPerService"));
                }

                if (!earlier.TryAdd(question.Id, (s, question)))
                {
                    errors.Add(Error.Invalid(path + ".id", "questionnairefile.questionTwice", question.Id));
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
            errors.Add(Error.Invalid(path + ".question", exists ? "questionnairefile.conditionLater" : "questionnairefile.noSuchQuestion", condition.Question));
            return;
        }

        var targetSection = q.Sections[target.Section];
        if (targetSection.ForEachService is not null && target.Section != section)
        {
            errors.Add(Error.Invalid(path + ".question", "questionnairefile.conditionOtherSection", condition.Question));
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
            errors.Add(Error.Invalid(path + ".question", "questionnairefile.conditionKind", condition.Question, Wire(target.Question.Kind)));
            return;
        }

        for (var i = 0; i < condition.AnyOf.Count; i++)
        {
            var value = condition.AnyOf[i];
            if (values is not null && !values.Contains(value, StringComparer.Ordinal))
            {
                errors.Add(Error.Invalid($"{path}.anyOf[{i}]", "questionnairefile.notAValueOf", value, condition.Question, string.Join(", ", values)));
            }
        }
    }

    private static void CheckMapping(Questionnaire q, Dictionary<string, (int Section, Question Question)> all, List<Error> errors)
    {
        var services = q.Mapping.ServicesQuestion;
        if (!all.TryGetValue(services, out var picker) || picker.Question.Kind != QuestionKind.Services)
        {
            errors.Add(Error.Invalid("deployment.services", "questionnairefile.notServices", services));
            return;
        }

        foreach (var (field, questionId) in q.Mapping.Fields)
        {
            var path = "deployment.fields." + field;
            if (!all.TryGetValue(questionId, out var target))
            {
                errors.Add(Error.Invalid(path, "questionnairefile.noSuchQuestion", questionId));
                continue;
            }

            var each = q.Sections[target.Section].ForEachService;
            if (each is not null && each != services)
            {
                errors.Add(Error.Invalid(path, "questionnairefile.mappingPerService", questionId, each, services));
            }

            var (kind, values) = DeploymentFields[field];
            if (target.Question.Kind != kind)
            {
                errors.Add(Error.Invalid(path, "questionnairefile.mappingKind", questionId, Wire(target.Question.Kind), field, Wire(kind)));
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
                    errors.Add(Error.Invalid(path, "questionnairefile.mappingOption", option.Value, questionId, field, string.Join(", ", values)));
                }
            }
        }
    }

    /// <summary>The kind of question that fills a deployment field of the shape.</summary>
    public static QuestionKind KindOf(FieldShape shape) => shape switch
    {
        FieldShape.OneOf => QuestionKind.OneOf,
        FieldShape.AnyOf or FieldShape.Texts => QuestionKind.AnyOf,
        _ => QuestionKind.YesNoUnknown,
    };

    public static string Wire(QuestionKind kind) => QuestionKinds.Of(kind).Wire;
}
