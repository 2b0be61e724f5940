using System.Globalization;
using System.Text.Json;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.DataFiles;

/// <summary>One data file: its path relative to the data folder (for messages and layout checks) and its bytes.</summary>
public sealed record DataFile(string Path, ReadOnlyMemory<byte> Content);

/// <summary>Everything the engine needs, read from the data folder.</summary>
public sealed record LegalData(CriteriaCatalog Criteria, LegalCalendar Law, ServiceCatalog Catalog);

/// <summary>
/// Reads the shipped data (<c>data/</c>): criteria, legal timeline, adequacy list, authorities, decisions,
/// alternatives and the service snapshots. All-or-nothing: any error in any file, and nothing is returned.
/// Errors name the file and the field.
/// </summary>
public static class DataReader
{
    public const string CriteriaFile = "criteria.json";
    public const string EventsFile = "law/legal-events.json";
    public const string AdequacyFile = "law/adequacy.json";
    public const string AuthoritiesFile = "authorities.json";
    public const string AlternativesFile = "alternatives.json";
    public const string DecisionsFolder = "decisions/";
    public const string ServicesFolder = "services/";

    public static Result<LegalData> Read(IReadOnlyList<DataFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<Error>();
        var byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);

        JsonElement? Root(string path, List<JsonDocument> open)
        {
            if (!byPath.TryGetValue(path, out var file))
            {
                errors.Add(Error.Invalid(path, "datafile.fileMissing"));
                return null;
            }

            var parsed = ProfileReader.ParseDocument(file.Content);
            if (!parsed.IsOk)
            {
                errors.AddRange(parsed.Errors.Select(e => e with { Field = path }));
                return null;
            }

            open.Add(parsed.Value);
            return parsed.Value.RootElement;
        }

        var documents = new List<JsonDocument>();
        try
        {
            var criteria = Root(CriteriaFile, documents) is { } c ? Scoped(CriteriaFile, errors, e => ReadCriteria(c, e)) : null;
            var events = Root(EventsFile, documents) is { } ev ? Scoped(EventsFile, errors, e => ReadEvents(ev, e)) : null;
            var adequacy = Root(AdequacyFile, documents) is { } ad ? Scoped(AdequacyFile, errors, e => ReadAdequacy(ad, e)) : default;
            var authorities = Root(AuthoritiesFile, documents) is { } au ? Scoped(AuthoritiesFile, errors, e => ReadAuthorities(au, e)) : default;
            var alternatives = Root(AlternativesFile, documents) is { } al ? Scoped(AlternativesFile, errors, e => ReadAlternatives(al, e)) : null;

            var decisions = new List<PublishedDecision>();
            foreach (var file in files.Where(f => f.Path.StartsWith(DecisionsFolder, StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                if (Root(file.Path, documents) is { } d && Scoped(file.Path, errors, e => ReadDecisions(d, e)) is { } list)
                {
                    decisions.AddRange(list);
                }
            }

            var services = new List<ServiceProfile>();
            foreach (var file in files.Where(f => f.Path.StartsWith(ServicesFolder, StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                var result = ProfileReader.ReadService(file.Content);
                if (!result.IsOk)
                {
                    errors.AddRange(result.Errors.Select(e => e with { Field = Prefix(file.Path, e.Field) }));
                    continue;
                }

                var profile = result.Value;
                var expected = $"{ServicesFolder}{profile.Id}/{profile.FactsAsOf:yyyy-MM-dd}.json";
                if (file.Path != expected)
                {
                    errors.Add(Error.Invalid(file.Path, "datafile.snapshotPath", profile.Id, profile.FactsAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), expected));
                }

                services.Add(profile);
            }

            if (errors.Count > 0)
            {
                return Result<LegalData>.Fail(errors);
            }

            var criteriaCatalog = criteria!;
            var eventList = events!;
            if (eventList.GroupBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                return Error.Invalid(EventsFile, "datafile.eventTwice", twice.Key);
            }

            var missingEvents = LegalCalendar.RequiredEvents.Where(id => !eventList.Exists(e => e.Id == id)).ToArray();
            if (missingEvents.Length > 0)
            {
                return Error.Invalid(EventsFile, "datafile.eventsMissing", string.Join(", ", missingEvents));
            }

            var law = new LegalCalendar(adequacy.Eea!, adequacy.Entries!, eventList);
            var (authorityList, defaultId) = authorities;
            errors.AddRange(CrossCheck(criteriaCatalog, services, decisions, alternatives!, authorityList!, defaultId!));
            if (errors.Count > 0)
            {
                return Result<LegalData>.Fail(errors);
            }

            var catalog = new ServiceCatalog(services, decisions, alternatives!, authorityList!, defaultId!);
            return Result<LegalData>.Ok(new LegalData(criteriaCatalog, law, catalog));
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }

    private static string Prefix(string file, string path) => path.Length == 0 ? file : $"{file}: {path}";

    /// <summary>Runs a reader and moves its errors under the file's name.</summary>
    private static T? Scoped<T>(string file, List<Error> errors, Func<List<Error>, T?> read)
    {
        var local = new List<Error>();
        var value = read(local);
        errors.AddRange(local.Select(e => e with { Field = Prefix(file, e.Field) }));
        return local.Count == 0 ? value : default;
    }

    /// <summary>References between files: every id a file names must exist; the criteria must cover every value of every fact.</summary>
    private static IEnumerable<Error> CrossCheck(
        CriteriaCatalog criteria, List<ServiceProfile> services, List<PublishedDecision> decisions, IReadOnlyList<Alternative> alternatives,
        IReadOnlyList<Authority> authorities, string defaultId)
    {
        var ids = services.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var authorityIds = authorities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        if (!authorityIds.Contains(defaultId))
        {
            yield return Error.Invalid(AuthoritiesFile + ": default", "datafile.unknownDefaultAuthority", defaultId);
        }

        foreach (var s in services.Where(s => s.PartOf is not null && !ids.Contains(s.PartOf)))
        {
            yield return Error.Invalid($"{ServicesFolder}{s.Id}: partOf", "datafile.notInCatalogue", s.PartOf!);
        }

        foreach (var d in decisions)
        {
            if (!ids.Contains(d.Service))
            {
                yield return Error.Invalid($"{DecisionsFolder}: {d.Id}.service", "datafile.notInCatalogue", d.Service);
            }

            if (!authorityIds.Contains(d.Authority))
            {
                yield return Error.Invalid($"{DecisionsFolder}: {d.Id}.authority", "datafile.notInFile", d.Authority, AuthoritiesFile);
            }
        }

        foreach (var (a, i) in alternatives.Select((a, i) => (a, i)))
        {
            foreach (var id in a.Replaces.Prepend(a.Service).Where(id => !ids.Contains(id)))
            {
                yield return Error.Invalid($"{AlternativesFile}: alternatives[{i}]", "datafile.notInCatalogue", id);
            }
        }

        foreach (var (path, values) in FactDomains.Contract.Concat(FactDomains.Technical))
        {
            var criterion = FactDomains.CriterionOf[path];
            if (!criteria.Contains(criterion))
            {
                yield return Error.Invalid(CriteriaFile, "datafile.criterionMissing", criterion);
                continue;
            }

            foreach (var value in values.Where(v => !criteria[criterion].Reasons.ContainsKey(v)))
            {
                yield return Error.Invalid($"{CriteriaFile}: {criterion}.reasons", "datafile.reasonMissing", value, path);
            }
        }
    }

    private static CriteriaCatalog? ReadCriteria(JsonElement root, List<Error> errors)
    {
        var r = ObjectReader.Open(root, string.Empty, errors);
        if (r is null)
        {
            return null;
        }

        r.RejectUnknown(["version", "criteria", "common", "terms"]);
        r.String("version");
        var criteria = new List<Criterion>();
        foreach (var (element, path) in r.Array("criteria") ?? [])
        {
            var c = ObjectReader.Open(element, path, errors);
            if (c is null)
            {
                continue;
            }

            c.RejectUnknown(["id", "stage", "fact", "question", "title", "articles", "basis", "reasons", "appliesTo", "appliesToWhy"]);
            var id = c.String("id", maxLength: 10);
            var stage = c.Enum("stage", ["contract", "transfer", "technical", "use"], allowUnknown: false);
            var fact = c.String("fact");
            var question = c.Text("question");
            var title = c.Text("title");
            var articles = Strings(c, "articles");
            var basis = Strings(c, "basis");
            var reasons = ReadReasons(c.Object("reasons"), errors);
            var appliesTo = c.Has("appliesTo") ? Strings(c, "appliesTo") : null;
            if (appliesTo is not null)
            {
                c.Text("appliesToWhy");
            }

            if (id is not null && stage is not null && fact is not null && question is not null && title is not null && articles is not null && basis is not null && reasons is not null)
            {
                criteria.Add(new Criterion(id, Enum.Parse<Stage>(stage, ignoreCase: true), fact, question, title, articles, basis, reasons, appliesTo));
            }
        }

        var common = ReadReasons(r.Object("common"), errors);
        var terms = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        if (r.Object("terms") is { } t)
        {
            foreach (var property in root.GetProperty("terms").EnumerateObject())
            {
                if (t.Text(property.Name) is { } text)
                {
                    terms[property.Name] = text;
                }
            }
        }

        if (common is not null)
        {
            foreach (var key in CriteriaCatalog.RequiredCommon.Where(k => !common.ContainsKey(k)))
            {
                errors.Add(Error.Invalid("common", "datafile.commonReasonMissing", key));
            }
        }

        return errors.Count > 0 || common is null ? null : new CriteriaCatalog(criteria, common, terms);
    }

    private static Dictionary<string, Reason>? ReadReasons(ObjectReader? r, List<Error> errors)
    {
        if (r is null)
        {
            return null;
        }

        var reasons = new Dictionary<string, Reason>(StringComparer.Ordinal);
        foreach (var name in r.PropertyNames())
        {
            var o = r.Object(name);
            if (o is null)
            {
                continue;
            }

            o.RejectUnknown(["level", "explanation", "remedy"]);
            var level = o.Enum("level", ["green", "yellow", "red", "not-assessed", "note"], allowUnknown: false);
            var explanation = o.Text("explanation");
            var remedy = o.Text("remedy", required: level is "red" or "yellow");
            if (level is not null && explanation is not null)
            {
                _ = Levels.TryParseLevel(level, out var parsed);
                reasons[name] = new Reason(name, parsed, explanation, remedy);
            }
        }

        return reasons;
    }

    private static List<string>? Strings(ObjectReader r, string name)
    {
        var items = r.Array(name);
        if (items is null)
        {
            return null;
        }

        var result = new List<string>();
        foreach (var (element, path) in items)
        {
            if (element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text)
            {
                result.Add(text);
            }
            else
            {
                r.Errors.Add(Error.Invalid(path, "datafile.notText", ObjectReader.Describe(element)));
            }
        }

        return result;
    }

    internal static List<Source> Sources(ObjectReader r, bool aboutRequired)
    {
        var sources = new List<Source>();
        foreach (var (element, path) in r.Array("sources") ?? [])
        {
            if (ProfileReader.ReadSource(ObjectReader.Open(element, path, r.Errors), aboutRequired) is { } source)
            {
                sources.Add(source);
            }
        }

        if (sources.Count == 0 && r.Has("sources"))
        {
            r.Invalid("sources", "datafile.needsSource");
        }

        return sources;
    }

    private static List<LegalEvent>? ReadEvents(JsonElement root, List<Error> errors)
    {
        var r = ObjectReader.Open(root, string.Empty, errors);
        if (r is null)
        {
            return null;
        }

        r.RejectUnknown(["events"]);
        var events = new List<LegalEvent>();
        foreach (var (element, path) in r.Array("events") ?? [])
        {
            var e = ObjectReader.Open(element, path, errors);
            if (e is null)
            {
                continue;
            }

            e.RejectUnknown(["id", "date", "concerns", "title", "effect", "sources"]);
            var id = e.String("id", pattern: Patterns.Id);
            var date = e.Date("date");
            var concerns = e.Enum("concerns", LegalEvent.ConcernValues, allowUnknown: false);
            var title = e.Text("title");
            var effect = e.Text("effect");
            Sources(e, aboutRequired: false);
            if (id is not null && date is not null && concerns is not null && title is not null && effect is not null)
            {
                events.Add(new LegalEvent(id, date.Value, title, effect, concerns));
            }
        }

        return events;
    }

    private static (List<string>? Eea, List<AdequacyEntry>? Entries) ReadAdequacy(JsonElement root, List<Error> errors)
    {
        var r = ObjectReader.Open(root, string.Empty, errors);
        if (r is null)
        {
            return default;
        }

        r.RejectUnknown(["eea", "decisions", "sources"]);
        var eea = new List<string>();
        if (r.Object("eea") is { } e)
        {
            e.RejectUnknown(["countries", "sources"]);
            eea = Strings(e, "countries") ?? [];
            Sources(e, aboutRequired: false);
        }

        var entries = new List<AdequacyEntry>();
        foreach (var (element, path) in r.Array("decisions") ?? [])
        {
            var a = ObjectReader.Open(element, path, errors);
            if (a is null)
            {
                continue;
            }

            a.RejectUnknown(["country", "name", "from", "until", "scope", "fromYearOnly", "note"]);
            var country = a.String("country", pattern: Patterns.Country);
            var name = a.String("name");
            var from = a.Date("from");
            var until = a.Date("until", required: false);
            var scope = a.Enum("scope", ["full", "commercial", "dpf-certified", "not-third-country"], allowUnknown: false);
            a.Bool("fromYearOnly", allowUnknown: false, required: false);
            a.String("note", required: false);
            if (country is not null && name is not null && from is not null && scope is not null)
            {
                var parsed = scope switch
                {
                    "full" => AdequacyScope.Full,
                    "commercial" => AdequacyScope.Commercial,
                    "dpf-certified" => AdequacyScope.DpfCertified,
                    _ => AdequacyScope.NotThirdCountry,
                };
                entries.Add(new AdequacyEntry(country, name, from.Value, until, parsed));
            }
        }

        Sources(r, aboutRequired: false);
        return (eea, entries);
    }

    private static (List<Authority>? Authorities, string? Default) ReadAuthorities(JsonElement root, List<Error> errors)
    {
        var r = ObjectReader.Open(root, string.Empty, errors);
        if (r is null)
        {
            return default;
        }

        r.RejectUnknown(["default", "authorities"]);
        var defaultId = r.String("default");
        var authorities = new List<Authority>();
        foreach (var (element, path) in r.Array("authorities") ?? [])
        {
            var a = ObjectReader.Open(element, path, errors);
            if (a is null)
            {
                continue;
            }

            a.RejectUnknown(["id", "short", "name", "versions"]);
            var id = a.String("id", pattern: Patterns.Id);
            var abbreviation = a.String("short");
            var name = a.Text("name");
            var versions = new List<AuthorityProfile>();
            foreach (var (v, vPath) in a.Array("versions") ?? [])
            {
                var o = ObjectReader.Open(v, vPath, errors);
                if (o is null || id is null || abbreviation is null || name is null)
                {
                    continue;
                }

                o.RejectUnknown(["validFrom", "label", "parameters", "basis", "sources"]);
                var validFrom = o.Date("validFrom");
                var label = o.Text("label");
                o.Text("basis");
                Sources(o, aboutRequired: false);
                var p = o.Object("parameters");
                if (p is null)
                {
                    continue;
                }

                p.RejectUnknown(["sccAloneSuffices", "thirdCountryAccess", "acceptDpf", "gateTechnical"]);
                var scc = p.Bool("sccAloneSuffices", allowUnknown: false);
                var access = p.Enum("thirdCountryAccess", ["advisory", "yellow", "red-above-normal"], allowUnknown: false);
                var dpf = p.Bool("acceptDpf", allowUnknown: false);
                var gate = p.Bool("gateTechnical", allowUnknown: false);
                if (validFrom is null || label is null || scc is null || access is null || dpf is null || gate is null)
                {
                    continue;
                }

                var rule = access switch
                {
                    "advisory" => ThirdCountryAccessRule.Advisory,
                    "yellow" => ThirdCountryAccessRule.Yellow,
                    _ => ThirdCountryAccessRule.RedAboveNormal,
                };
                versions.Add(new AuthorityProfile(id, abbreviation, name, validFrom.Value, label, scc.Value, rule, dpf.Value, gate.Value));
            }

            if (id is not null && abbreviation is not null && name is not null)
            {
                if (versions.Count == 0)
                {
                    a.Invalid("versions", "datafile.needsVersion");
                    continue;
                }

                authorities.Add(new Authority(id, abbreviation, name, versions.OrderBy(v => v.ValidFrom).ToArray()));
            }
        }

        return (authorities, defaultId);
    }

    private static List<PublishedDecision>? ReadDecisions(JsonElement root, List<Error> errors)
    {
        var r = ObjectReader.Open(root, string.Empty, errors);
        if (r is null)
        {
            return null;
        }

        r.RejectUnknown(["decisions"]);
        var decisions = new List<PublishedDecision>();
        foreach (var (element, path) in r.Array("decisions") ?? [])
        {
            var d = ObjectReader.Open(element, path, errors);
            if (d is null)
            {
                continue;
            }

            d.RejectUnknown(["id", "authority", "service", "date", "factsAsOf", "verdict", "scope", "reason", "sources"]);
            var id = d.String("id", pattern: Patterns.Id);
            var authority = d.String("authority", pattern: Patterns.Id);
            var service = d.String("service", pattern: Patterns.Id);
            var date = d.Date("date");
            var factsAsOf = d.Date("factsAsOf", required: false);
            var verdict = d.Enum("verdict", ["green", "yellow", "red"], allowUnknown: false);
            var scope = d.Enum("scope", ["legal"], allowUnknown: false);
            var reason = d.Text("reason");
            var sources = Sources(d, aboutRequired: false);
            if (id is not null && authority is not null && service is not null && date is not null && verdict is not null && scope is not null && reason is not null)
            {
                _ = Levels.TryParseVerdict(verdict, out var parsed);
                decisions.Add(new PublishedDecision(id, authority, service, date.Value, factsAsOf, parsed, scope, reason, sources));
            }
        }

        return decisions;
    }

    private static List<Alternative>? ReadAlternatives(JsonElement root, List<Error> errors)
    {
        var r = ObjectReader.Open(root, string.Empty, errors);
        if (r is null)
        {
            return null;
        }

        r.RejectUnknown(["alternatives"]);
        var alternatives = new List<Alternative>();
        foreach (var (element, path) in r.Array("alternatives") ?? [])
        {
            var a = ObjectReader.Open(element, path, errors);
            if (a is null)
            {
                continue;
            }

            a.RejectUnknown(["service", "replaces", "kind", "note", "sources"]);
            var service = a.String("service", pattern: Patterns.Id);
            var replaces = Strings(a, "replaces");
            var kind = a.Enum("kind", ["open-source", "eu-service"], allowUnknown: false);
            var note = a.Text("note", required: false);
            var sources = Sources(a, aboutRequired: false);
            if (service is not null && replaces is not null && kind is not null)
            {
                alternatives.Add(new Alternative(service, replaces, kind, note, sources));
            }
        }

        return alternatives;
    }
}
