using System.Globalization;
using Aufsicht.Core;
using Aufsicht.Core.Law;
using Aufsicht.Features.Shared;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Aufsicht.Features.Mail;

/// <summary>
/// What an invitation or reminder may say about its campaign; the templates name these as Liquid variables. The
/// contact is who at the authority answers questions (name, e-mail, telephone, one per line, with their labels), empty
/// if the campaign names no one.
/// </summary>
internal sealed record MailModel(string BodyName, string CampaignTitle, DateOnly Deadline, string Link, string Authority, string QuestionnaireTitle, string Contact = "");

/// <summary>
/// E-mail templates in Liquid (Fluid): checked when a supervisor saves them — syntax with its position, and only the
/// variables of <see cref="MailModel"/> — so a campaign never fails at the first send.
/// </summary>
internal static class MailTemplates
{
    public const int MaxLength = 20_000;

    /// <summary>The variables a template may use.</summary>
    public static readonly IReadOnlyList<string> Variables =
        ["body.name", "campaign.title", "campaign.deadline", "link", "authority", "questionnaire.title", "contact"];

    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new() { CultureInfo = CultureInfo.InvariantCulture };

    /// <summary>Null when the template can be used; otherwise what is wrong and where (about <paramref name="field"/>).</summary>
    public static Error? Check(string template, string field = "")
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.Length > MaxLength)
        {
            return Error.Invalid(field, "mail.template.tooLong", Number(template.Length), Number(MaxLength));
        }

        if (!Parser.TryParse(template, out var parsed, out var error))
        {
            // Fluid says "(2:18)"; a supervisor reads "line 2, column 18" in the page's language, so the text around
            // the position and the position itself are the message's arguments.
            var text = error ?? string.Empty;
            var position = System.Text.RegularExpressions.Regex.Match(text, @"\((\d+):(\d+)\)", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            return position.Success
                ? Error.Invalid(field, "mail.template.syntaxAt", text[..position.Index].TrimStart(), position.Groups[1].Value, position.Groups[2].Value, text[(position.Index + position.Length)..].TrimEnd())
                : Error.Invalid(field, "mail.template.syntax", text.Trim());
        }

        var unknown = VariableCollector.Unknown(parsed);
        return unknown.Count == 0
            ? null
            : Error.Invalid(field, "mail.template.unknown", string.Join(", ", unknown.Select(u => "'" + u + "'")), string.Join(", ", Variables));
    }

    /// <summary>Null when the template can be used; otherwise one sentence saying what is wrong and where.</summary>
    public static string? Validate(string template, Language language = Language.En) =>
        Check(template) is { } error ? Failures.Message(error, language) : null;

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Renders a template that <see cref="Validate"/> accepted; dates as 16.12.2026 in German, 16 Dec 2026 in English.</summary>
    public static string Render(string template, MailModel model, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Validate(template) is { } problem)
        {
            throw new ArgumentException("The template was not validated: " + problem, nameof(template));
        }

        Parser.TryParse(template, out var parsed, out _);
        var context = new TemplateContext(Options);
        var deadline = Shared.LocalDates.Day(model.Deadline, language);
        context.SetValue("body", Object(("name", model.BodyName)));
        context.SetValue("campaign", Object(("title", model.CampaignTitle), ("deadline", deadline)));
        context.SetValue("questionnaire", Object(("title", model.QuestionnaireTitle)));
        context.SetValue("link", new StringValue(model.Link));
        context.SetValue("authority", new StringValue(model.Authority));
        context.SetValue("contact", new StringValue(model.Contact));
        // Plain text mail: nothing is HTML-encoded.
        return parsed.Render(context, NullEncoder.Default);
    }

    private static DictionaryValue Object(params (string Key, string Value)[] members) =>
        new DictionaryValue(new FluidValueDictionaryFluidIndexable(members.ToDictionary(m => m.Key, m => (FluidValue)new StringValue(m.Value), StringComparer.Ordinal)));

    /// <summary>Finds the variables a template reads that are neither allowed nor its own (assign, capture, for).</summary>
    private sealed class VariableCollector : AstVisitor
    {
        private readonly HashSet<string> _locals = new(StringComparer.Ordinal) { "forloop", "empty", "blank" };
        private readonly List<string> _used = [];

        public static List<string> Unknown(IFluidTemplate template)
        {
            var collector = new VariableCollector();
            collector.VisitTemplate(template);
            return collector._used
                .Where(path => !collector._locals.Contains(path.Split('.')[0]) && !Variables.Contains(path, StringComparer.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            _locals.Add(assignStatement.Identifier);
            return base.VisitAssignStatement(assignStatement);
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            _locals.Add(captureStatement.Identifier);
            return base.VisitCaptureStatement(captureStatement);
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            _locals.Add(forStatement.Identifier);
            return base.VisitForStatement(forStatement);
        }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            var names = new List<string>();
            foreach (var segment in memberExpression.Segments)
            {
                if (segment is not IdentifierSegment identifier)
                {
                    break;
                }

                names.Add(identifier.Identifier);
            }

            if (names.Count > 0)
            {
                _used.Add(string.Join('.', names));
            }

            return base.VisitMemberExpression(memberExpression);
        }
    }
}
