using System.Text.Json;
using Aufsicht.Core.DataFiles;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Deadlines;

/// <summary>How a letter reaches its addressee: by post (a fiction day), electronically (a fiction day) or by hand (that day).</summary>
public enum Delivery
{
    Post,
    Electronic,
    Hand,
}

/// <summary>A source of a rule: its address and the day it was seen.</summary>
public sealed record RuleSource(string Url, DateOnly Seen);

/// <summary>One version of the federal fiction: for letters sent by <see cref="Channel"/> from <see cref="From"/> to <see cref="Until"/>, notified on the <see cref="Days"/>th day.</summary>
public sealed record FictionRule(Delivery Channel, DateOnly From, DateOnly? Until, int Days, LocalizedText Rule, IReadOnlyList<RuleSource> Sources)
{
    public bool AppliesTo(Delivery channel, DateOnly sent) => channel == Channel && sent >= From && (Until is null || sent <= Until);
}

/// <summary>Whether a Land's own law took over the four-day fiction of 2025: adopted, by reference to the federal law, or not known.</summary>
public enum FourthDayStatus
{
    Adopted,
    Federal,
    Unknown,
}

/// <summary>A Land's notification law: the provision, whether the four-day fiction applies, a note and the sources.</summary>
public sealed record StateNotification(string State, LocalizedText Law, FourthDayStatus FourthDay, LocalizedText Note, IReadOnlyList<RuleSource> Sources);

/// <summary>
/// The notification rules of <c>data/enforcement/notification.json</c>: the federal fiction days by channel and date
/// (§ 41(2) VwVfG, PostModG), the Länder's own laws, and the rule that a fiction day does not move (with its source).
/// </summary>
public sealed record NotificationRules(
    IReadOnlyList<FictionRule> Federal,
    IReadOnlyList<StateNotification> States,
    LocalizedText FixedFictionRule,
    IReadOnlyList<RuleSource> FixedFictionSources,
    IReadOnlyList<RuleSource> MovedFictionSources)
{
    public const string File = "enforcement/notification.json";

    private static readonly string[] Channels = ["post", "electronic"];
    private static readonly string[] Statuses = ["adopted", "federal", "unknown"];

    public FictionRule? FederalRule(Delivery channel, DateOnly sent) => Federal.FirstOrDefault(r => r.AppliesTo(channel, sent));

    public StateNotification? State(string? state) => state is null ? null : States.FirstOrDefault(s => s.State == state);

    /// <summary>Reads the file's bytes; every problem is an error with its JSON path.</summary>
    public static Result<NotificationRules> Read(ReadOnlyMemory<byte> bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return Error.Invalid(File, "datafile.malformed", "?", "?");
        }

        using (document)
        {
            var errors = new List<Error>();
            var root = ObjectReader.Open(document.RootElement, string.Empty, errors);
            if (root is null)
            {
                return Result<NotificationRules>.Fail(errors);
            }

            root.RejectUnknown(["federal", "states", "fixedFiction", "movedFiction"]);
            var federal = new List<FictionRule>();
            foreach (var (element, path) in root.Array("federal") ?? [])
            {
                var r = ObjectReader.Open(element, path, errors);
                if (r is null)
                {
                    continue;
                }

                r.RejectUnknown(["channel", "from", "until", "days", "rule", "sources"]);
                var channel = r.Enum("channel", Channels, allowUnknown: false);
                var from = r.Date("from");
                var until = r.Date("until", required: false);
                var days = r.Raw("days") is { } raw && int.TryParse(raw, out var n) && n is >= 1 and <= 10 ? n : (int?)null;
                if (days is null)
                {
                    r.Invalid("days", "datafile.notOneOf", "1–10", r.Raw("days") ?? "?");
                }

                var rule = r.Text("rule");
                var sources = Sources(r, errors);
                if (channel is not null && from is not null && days is not null && rule is not null)
                {
                    federal.Add(new FictionRule(channel == "post" ? Delivery.Post : Delivery.Electronic, from.Value, until, days.Value, rule, sources));
                }
            }

            var states = new List<StateNotification>();
            foreach (var (element, path) in root.Array("states") ?? [])
            {
                var s = ObjectReader.Open(element, path, errors);
                if (s is null)
                {
                    continue;
                }

                s.RejectUnknown(["state", "law", "fourthDay", "note", "sources"]);
                var code = s.Enum("state", Laender.Codes, allowUnknown: false);
                var law = s.Text("law");
                var status = s.Enum("fourthDay", Statuses, allowUnknown: false);
                var note = s.Text("note");
                var sources = Sources(s, errors);
                if (code is not null && law is not null && status is not null && note is not null)
                {
                    var value = status switch
                    {
                        "adopted" => FourthDayStatus.Adopted,
                        "federal" => FourthDayStatus.Federal,
                        _ => FourthDayStatus.Unknown,
                    };
                    states.Add(new StateNotification(code, law, value, note, sources));
                }
            }

            var fixedFiction = root.Object("fixedFiction");
            fixedFiction?.RejectUnknown(["rule", "sources"]);
            var fixedRule = fixedFiction?.Text("rule");
            var fixedSources = fixedFiction is null ? [] : Sources(fixedFiction, errors);
            var moved = root.Object("movedFiction");
            moved?.RejectUnknown(["sources"]);
            var movedSources = moved is null ? [] : Sources(moved, errors);

            if (states.Select(s => s.State).Distinct(StringComparer.Ordinal).Count() != states.Count)
            {
                errors.Add(Error.Invalid("states", "deadline.data.duplicateState"));
            }

            return errors.Count > 0 || fixedRule is null
                ? Result<NotificationRules>.Fail(errors.Count > 0 ? errors : [Error.Invalid("fixedFiction", "datafile.missing")])
                : Result<NotificationRules>.Ok(new NotificationRules(federal, states, fixedRule, fixedSources, movedSources));
        }
    }

    private static List<RuleSource> Sources(ObjectReader reader, List<Error> errors)
    {
        var sources = new List<RuleSource>();
        foreach (var (element, path) in reader.Array("sources") ?? [])
        {
            var s = ObjectReader.Open(element, path, errors);
            if (s is null)
            {
                continue;
            }

            s.RejectUnknown(["url", "seen"]);
            var url = s.String("url", pattern: Patterns.Url);
            var seen = s.Date("seen");
            if (url is not null && seen is not null)
            {
                sources.Add(new RuleSource(url, seen.Value));
            }
        }

        if (sources.Count == 0)
        {
            reader.Invalid("sources", "datafile.empty");
        }

        return sources;
    }
}
