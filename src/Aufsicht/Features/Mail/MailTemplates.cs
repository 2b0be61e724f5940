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
/// E-mail templates in Liquid (Fluid): checked when a supervisor saves them — syntax with its position, only the
/// variables of <see cref="MailModel"/>, only the tags and filters of <see cref="Tags"/> and <see cref="Filters"/>, loops
/// over short ranges of numbers, and a trial rendering within <see cref="MaxOutput"/> characters and
/// <see cref="MaxSteps"/> steps — so a campaign never fails at the first send, and no template can make the server build
/// a mail of gigabytes (issue 12: {% include %} passed the check and broke the campaign page; 48 characters of nested
/// loops made a 10 MB preview). A tag such as include or render reads other files; capture and the growing filters
/// (append, replace, join …) can double a text at every step of a loop, which no step limit catches.
/// </summary>
internal static class MailTemplates
{
    public const int MaxLength = 20_000;

    /// <summary>The most characters a rendered template may have (a long mail is a few thousand).</summary>
    public const int MaxOutput = 100_000;

    /// <summary>The most statements a rendering may execute (Fluid's step count): a loop of loops stops here.</summary>
    public const int MaxSteps = 10_000;

    /// <summary>The most numbers a range in a loop may span, <c>(1..1000)</c>.</summary>
    public const int MaxRange = 1_000;

    /// <summary>The Liquid tags a template may use; anything else (include, render, cycle, capture, liquid …) is refused.</summary>
    public static readonly IReadOnlyList<string> Tags = ["if", "elsif", "else", "unless", "case", "when", "for", "break", "continue", "assign", "comment", "raw"];

    /// <summary>The filters a template may use: those whose result is not longer than what goes in (by more than a little).</summary>
    public static readonly IReadOnlyList<string> Filters =
        ["upcase", "downcase", "capitalize", "strip", "lstrip", "rstrip", "strip_newlines", "default", "truncate", "truncatewords", "remove", "remove_first", "size", "date"];

    private static readonly Dictionary<Type, string> AllowedStatements = new()
    {
        [typeof(TextSpanStatement)] = "text",
        [typeof(OutputStatement)] = "output",
        [typeof(IfStatement)] = "if",
        [typeof(ElseIfStatement)] = "elsif",
        [typeof(ElseStatement)] = "else",
        [typeof(UnlessStatement)] = "unless",
        [typeof(CaseStatement)] = "case",
        [typeof(WhenStatement)] = "when",
        [typeof(ForStatement)] = "for",
        [typeof(BreakStatement)] = "break",
        [typeof(ContinueStatement)] = "continue",
        [typeof(AssignStatement)] = "assign",
        [typeof(CommentStatement)] = "comment",
        [typeof(RawStatement)] = "raw",
        [typeof(NoOpStatement)] = "nothing",
    };

    /// <summary>What a trial rendering at the check fills the variables with: values of a realistic length.</summary>
    private static readonly MailModel Sample = new(new string('x', 200), new string('x', 200), new DateOnly(2030, 12, 31),
        "https://aufsicht.example/antwort/" + new string('x', 43), new string('x', 200), new string('x', 200));

    /// <summary>The variables a template may use.</summary>
    public static readonly IReadOnlyList<string> Variables =
        ["body.name", "campaign.title", "campaign.deadline", "link", "authority", "questionnaire.title", "contact"];

    private static readonly FluidParser Parser = new();

    private const int CheckedTemplatesKept = 256;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CheckedTemplate> CheckedTemplates = new(StringComparer.Ordinal);

    private static readonly TemplateOptions Options = new() { CultureInfo = CultureInfo.InvariantCulture, MaxSteps = MaxSteps, MaxRecursion = 20 };

    /// <summary>Null when the template can be used; otherwise what is wrong and where (about <paramref name="field"/>).</summary>
    public static Error? Check(string template, string field = "")
    {
        ArgumentNullException.ThrowIfNull(template);
        return Checked(template).Problem is { } problem ? problem with { Field = field } : null;
    }

    /// <summary>
    /// A template checked and parsed once: every view of a campaign's page and every mail of its 30,000 checked and
    /// parsed the same few templates again. Fluid's parsed templates are safe to share between threads.
    /// </summary>
    private static CheckedTemplate Checked(string template)
    {
        if (CheckedTemplates.TryGetValue(template, out var known))
        {
            return known;
        }

        var result = CheckNow(template, out var parsed) is { } problem ? new CheckedTemplate(null, problem) : new CheckedTemplate(parsed, null);
        if (CheckedTemplates.Count >= CheckedTemplatesKept)
        {
            // Templates are edited rarely; a full cache means many drafts were tried, not that these are needed.
            CheckedTemplates.Clear();
        }

        CheckedTemplates[template] = result;
        return result;
    }

    private static Error? CheckNow(string template, out IFluidTemplate? parsed)
    {
        const string field = "";
        parsed = null;
        if (template.Length > MaxLength)
        {
            return Error.Invalid(field, "mail.template.tooLong", Number(template.Length), Number(MaxLength));
        }

        if (!Parser.TryParse(template, out parsed, out var error))
        {
            // Fluid says "(2:18)"; a supervisor reads "line 2, column 18" in the page's language, so the text around
            // the position and the position itself are the message's arguments.
            var text = error ?? string.Empty;
            var position = System.Text.RegularExpressions.Regex.Match(text, @"\((\d+):(\d+)\)", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            return position.Success
                ? Error.Invalid(field, "mail.template.syntaxAt", text[..position.Index].TrimStart(), position.Groups[1].Value, position.Groups[2].Value, text[(position.Index + position.Length)..].TrimEnd())
                : Error.Invalid(field, "mail.template.syntax", text.Trim());
        }

        var collector = VariableCollector.Collect(parsed);
        if (collector.Tags.Count > 0)
        {
            return Error.Invalid(field, "mail.template.tag", collector.Tags[0], string.Join(", ", Tags));
        }

        if (collector.Ranges.Count > 0)
        {
            return Error.Invalid(field, "mail.template.range", Number(MaxRange), collector.Ranges[0]);
        }

        if (collector.UnknownFilters.Count > 0)
        {
            return Error.Invalid(field, "mail.template.filter", string.Join(", ", collector.UnknownFilters.Select(f => "'" + f + "'")), string.Join(", ", Filters));
        }

        var unknown = collector.Unknown();
        if (unknown.Count > 0)
        {
            return Error.Invalid(field, "mail.template.unknown", string.Join(", ", unknown.Select(u => "'" + u + "'")), string.Join(", ", Variables));
        }

        // What is left can still loop too long or say too much: find out now, with values of a realistic length.
        return RenderBounded(parsed, Sample, Language.De) is null ? Error.Invalid(field, "mail.template.tooBig", Number(MaxOutput)) : null;
    }

    /// <summary>Null when the template can be used; otherwise one sentence saying what is wrong and where.</summary>
    public static string? Validate(string template, Language language = Language.En) =>
        Check(template) is { } error ? Failures.Message(error, language) : null;

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Renders a template that <see cref="Validate"/> accepted; dates as 16.12.2026 in German, 16 Dec 2026 in English.</summary>
    public static string Render(string template, MailModel model, Language language)
    {
        var rendered = TryRender(template, model, language);
        return rendered.IsOk ? rendered.Value : throw new ArgumentException("The template was not validated: " + Failures.Message(rendered.Errors[0], Language.En), nameof(template));
    }

    /// <summary>
    /// Renders a template, or says why it cannot be: it fails the check (a template stored before the check knew of
    /// the problem), or these values make it longer than <see cref="MaxOutput"/> or take too many steps.
    /// </summary>
    public static Result<string> TryRender(string template, MailModel model, Language language, string field = "")
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(model);
        var checkedTemplate = Checked(template);
        if (checkedTemplate.Problem is { } problem)
        {
            return problem with { Field = field };
        }

        return RenderBounded(checkedTemplate.Parsed!, model, language) is { } text ? Result<string>.Ok(text) : Error.Invalid(field, "mail.template.tooBig", Number(MaxOutput));
    }

    /// <summary>The text, or null when it would exceed <see cref="MaxOutput"/> characters or <see cref="MaxSteps"/> steps.</summary>
    private static string? RenderBounded(IFluidTemplate parsed, MailModel model, Language language)
    {
        var context = new TemplateContext(Options);
        var deadline = Shared.LocalDates.Day(model.Deadline, language);
        context.SetValue("body", Object(("name", model.BodyName)));
        context.SetValue("campaign", Object(("title", model.CampaignTitle), ("deadline", deadline)));
        context.SetValue("questionnaire", Object(("title", model.QuestionnaireTitle)));
        context.SetValue("link", new StringValue(model.Link));
        context.SetValue("authority", new StringValue(model.Authority));
        context.SetValue("contact", new StringValue(model.Contact));
        // Plain text mail: nothing is HTML-encoded.
        using var writer = new BoundedWriter(MaxOutput);
        try
        {
            // Completes synchronously: the allowed tags read nothing from outside (no include, no render).
            parsed.RenderAsync(writer, NullEncoder.Default, context).AsTask().GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Fluid's step or recursion limit (or the writer's own limit, which is an InvalidOperationException too).
            return null;
        }

        return writer.ToString();
    }

    /// <summary>A text writer that refuses to grow beyond a number of characters, so an endless mail stops early.</summary>
    internal sealed class BoundedWriter(int limit) : StringWriter(CultureInfo.InvariantCulture)
    {
        public override void Write(char value)
        {
            Reserve(1);
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Reserve(count);
            base.Write(buffer, index, count);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Reserve(buffer.Length);
            base.Write(buffer);
        }

        public override void Write(string? value)
        {
            Reserve(value?.Length ?? 0);
            base.Write(value);
        }

        private void Reserve(int count)
        {
            if (GetStringBuilder().Length + (long)count > limit)
            {
                throw new InvalidOperationException($"The text is longer than {limit} characters.");
            }
        }
    }

    private static DictionaryValue Object(params (string Key, string Value)[] members) =>
        new DictionaryValue(new FluidValueDictionaryFluidIndexable(members.ToDictionary(m => m.Key, m => (FluidValue)new StringValue(m.Value), StringComparer.Ordinal)));

    /// <summary>
    /// Finds what a template may not use: tags beyond <see cref="Tags"/>, ranges that are long or not written with
    /// numbers, filters beyond <see cref="Filters"/>, and variables that are neither allowed nor its own (assign, for).
    /// </summary>
    internal sealed class VariableCollector : AstVisitor
    {
        private readonly HashSet<string> _locals = new(StringComparer.Ordinal) { "forloop", "empty", "blank" };
        private readonly List<string> _used = [];

        public List<string> Tags { get; } = [];

        public List<string> Ranges { get; } = [];

        public List<string> UnknownFilters { get; } = [];

        public static VariableCollector Collect(IFluidTemplate template)
        {
            var collector = new VariableCollector();
            collector.VisitTemplate(template);
            return collector;
        }

        public List<string> Unknown() => Unknown(Variables);

        /// <summary>The variables used that are neither in <paramref name="allowed"/> nor the template's own (letters use their own list).</summary>
        public List<string> Unknown(IReadOnlyList<string> allowed) =>
            _used
                .Where(path => !_locals.Contains(path.Split('.')[0]) && !allowed.Contains(path, StringComparer.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .ToList();

        public override Statement Visit(Statement statement)
        {
            if (statement is not null && !AllowedStatements.ContainsKey(statement.GetType()))
            {
                // IncludeStatement → "include", TableRowStatement → "tablerow": the tag as a supervisor wrote it.
                var name = statement.GetType().Name;
                name = name.EndsWith("Statement", StringComparison.Ordinal) ? name[..^"Statement".Length] : name;
                Tags.Add(name.ToLowerInvariant());
                return statement;
            }

            return base.Visit(statement!);
        }

        protected override Expression VisitRangeExpression(RangeExpression rangeExpression)
        {
            static decimal? Literal(Expression e) => e is LiteralExpression { Value: NumberValue number } ? number.ToNumberValue() : null;
            if (Literal(rangeExpression.From) is not { } from || Literal(rangeExpression.To) is not { } to || Math.Abs(to - from) + 1 > MaxRange)
            {
                Ranges.Add($"({Describe(rangeExpression.From)}..{Describe(rangeExpression.To)})");
            }

            return base.VisitRangeExpression(rangeExpression);
        }

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            if (!Filters.Contains(filterExpression.Name, StringComparer.Ordinal))
            {
                UnknownFilters.Add(filterExpression.Name);
            }

            return base.VisitFilterExpression(filterExpression);
        }

        private static string Describe(Expression e) => e switch
        {
            LiteralExpression literal => literal.Value.ToStringValue(),
            MemberExpression member => string.Join('.', member.Segments.OfType<IdentifierSegment>().Select(s => s.Identifier)),
            _ => "…",
        };

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            _locals.Add(assignStatement.Identifier);
            return base.VisitAssignStatement(assignStatement);
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

/// <summary>A template as the check left it: parsed when usable, else the problem (its field set by the caller).</summary>
internal sealed record CheckedTemplate(IFluidTemplate? Parsed, Error? Problem);
