using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Core.Law;
using Aufsicht.Features.Shared;

namespace Aufsicht.Features.Mail;

/// <summary>One kind of message: its subject line and its text, each in German and English (Liquid templates).</summary>
internal sealed record MailTemplate(LocalizedText Subject, LocalizedText Text);

/// <summary>
/// A campaign's e-mail templates as stored in <c>campaigns.templates_json</c>:
/// <c>{"invitation":{"subject":{"de":…,"en":…},"text":{…}},"reminder":{…}}</c>.
/// </summary>
internal sealed record CampaignTemplates(MailTemplate Invitation, MailTemplate Reminder)
{
    public const string InvitationKind = "invitation";
    public const string ReminderKind = "reminder";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
    };

    /// <summary>The shipped texts (<see cref="DefaultTemplates"/>): a new campaign starts with these.</summary>
    public static CampaignTemplates Default { get; } = new(
        new MailTemplate(new LocalizedText(DefaultTemplates.InvitationSubjectDe, DefaultTemplates.InvitationSubjectEn), new LocalizedText(DefaultTemplates.InvitationTextDe, DefaultTemplates.InvitationTextEn)),
        new MailTemplate(new LocalizedText(DefaultTemplates.ReminderSubjectDe, DefaultTemplates.ReminderSubjectEn), new LocalizedText(DefaultTemplates.ReminderTextDe, DefaultTemplates.ReminderTextEn)));

    /// <summary>Reads the stored shape; every part must be there. Whether the Liquid in it is usable is <see cref="Validate"/>'s question.</summary>
    public static Result<CampaignTemplates> FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<CampaignTemplates>(json, Json) is { } templates
                ? Result<CampaignTemplates>.Ok(templates)
                : Error.Invalid("", "mail.template.json", "null");
        }
        catch (JsonException e)
        {
            return Error.Invalid(e.Path ?? "", "mail.template.json", e.Message);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Every problem of all eight templates as a sentence naming its template, e.g. "reminder text (German): syntax error: …".</summary>
    public IReadOnlyList<string> Validate(Language language = Language.En) => ValidateFields().Select(e => Message(e, language)).ToArray();

    /// <summary>
    /// The problems of <see cref="Validate"/>, each with the template's field (<see cref="Field"/>), so a form can link
    /// the message to the box it is about. A blank template counts as missing: a mail needs a subject and a text.
    /// </summary>
    public IReadOnlyList<Error> ValidateFields()
    {
        var errors = new List<Error>();
        foreach (var (kind, template) in new[] { (InvitationKind, Invitation), (ReminderKind, Reminder) })
        {
            foreach (var (part, text) in new[] { ("subject", template?.Subject), ("text", template?.Text) })
            {
                foreach (var textLanguage in new[] { Language.De, Language.En })
                {
                    var field = Field(kind, part, textLanguage);
                    var problem = text?.In(textLanguage) is { } liquid && !string.IsNullOrWhiteSpace(liquid)
                        ? MailTemplates.Check(liquid, field)
                        : Error.Invalid(field, "mail.template.missing");
                    if (problem is not null)
                    {
                        errors.Add(problem);
                    }
                }
            }
        }

        return errors;
    }

    /// <summary>An error's message in the language, led by the name of the template it is about (its field), if any.</summary>
    public static string Message(Error error, Language language)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = Failures.Message(error, language);
        return error.Field.Split('.') is [var kind, var part, var text] && kind is InvitationKind or ReminderKind && text is "de" or "en"
            ? $"{Name(kind, part, text == "de" ? Language.De : Language.En, language)}: {message}"
            : message;
    }

    /// <summary>A template's field name, e.g. "invitation.subject.de": the form field and the error path.</summary>
    public static string Field(string kind, string part, Language textLanguage) =>
        $"{kind}.{part}.{(textLanguage == Language.De ? "de" : "en")}";

    /// <summary>A template's name for people, e.g. "Einladung, Betreff (deutsch)".</summary>
    public static string Name(string kind, string part, Language textLanguage, Language language) =>
        $"{Texts.T(language, $"mail.template.{kind}.{part}")} ({Texts.T(language, "mail.template." + (textLanguage == Language.De ? "de" : "en"))})";

    /// <summary>The liquid of one template by its field parts.</summary>
    public string Get(string kind, string part, Language textLanguage)
    {
        var template = kind == InvitationKind ? Invitation : Reminder;
        return (part == "subject" ? template.Subject : template.Text).In(textLanguage);
    }

    /// <summary>The subject (one line) and text of an invitation or a reminder in the body's language; the templates must have passed <see cref="Validate"/>.</summary>
    public (string Subject, string Text) Render(string kind, MailModel model, Language language)
    {
        var rendered = TryRender(kind, model, language);
        return rendered.IsOk ? rendered.Value : throw new ArgumentException("The templates were not validated: " + Message(rendered.Errors[0], Language.En), nameof(kind));
    }

    /// <summary>Like <see cref="Render"/>, or why a template cannot be rendered, with the template's field (a template stored before the check knew its problem).</summary>
    public Result<(string Subject, string Text)> TryRender(string kind, MailModel model, Language language)
    {
        var template = kind switch
        {
            InvitationKind => Invitation,
            ReminderKind => Reminder,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "invitation or reminder"),
        };
        var subject = MailTemplates.TryRender(template.Subject.In(language), model, language, Field(kind, "subject", language));
        var text = MailTemplates.TryRender(template.Text.In(language), model, language, Field(kind, "text", language));
        return subject.IsOk && text.IsOk
            ? Result<(string, string)>.Ok((subject.Value.Trim(), text.Value))
            : Result<(string, string)>.Fail([.. subject.Errors, .. text.Errors]);
    }
}
