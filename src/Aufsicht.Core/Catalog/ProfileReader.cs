using System.Text.Json;
using Aufsicht.Core.DataFiles;

namespace Aufsicht.Core.Catalog;

/// <summary>
/// Reads service and deployment profiles (domain/assessment.md §6) from JSON. Strict: a misspelt field, a value
/// outside its set, a wrong type or a bad date is an error naming the field and what was expected.
/// </summary>
public static class ProfileReader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 32 };

    private static readonly string[] ServiceFields =
    [
        "id", "name", "category", "factsAsOf", "description", "licence", "homepage", "provider", "operatingModel", "openSource",
        "contract", "processing", "transfers", "technical", "sources", "notes", "partOf",
    ];

    // The profile's own fields, then the facts about the use (a nested one by its object, once).
    private static readonly string[] DeploymentFieldNames =
        ["id", "service", "body", .. DeploymentFields.All.Select(f => f.Parent ?? f.Name).Distinct()];

    // The facts grouped by the object they sit in (null: the profile itself), once: `assess batch` reads 100,000 profiles.
    private static readonly (string? Parent, DeploymentField[] Fields, string[] Names, bool Required)[] DeploymentGroups =
        [.. DeploymentFields.All.GroupBy(f => f.Parent).Select(g => (g.Key, g.ToArray(), g.Select(f => f.Local).ToArray(), g.Any(f => f.Required)))];

    /// <summary>Parses JSON text into a document, or an error that says where the text is malformed.</summary>
    public static Result<JsonDocument> ParseDocument(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            return Result<JsonDocument>.Ok(JsonDocument.Parse(utf8, Options));
        }
        catch (JsonException e)
        {
            return Malformed(e, utf8.Span);
        }
    }

    /// <summary>
    /// Where the text is malformed (line and byte, counted from 1) and what stands there: the character the parser
    /// could not take, or the end of the text. The parser's own sentence is English only, so the message says it in
    /// its own words.
    /// </summary>
    private static Error Malformed(JsonException e, ReadOnlySpan<byte> utf8)
    {
        var line = (int)(e.LineNumber ?? 0);
        var inLine = (int)(e.BytePositionInLine ?? 0);
        var offset = 0;
        for (var n = 0; n < line && offset < utf8.Length; n++)
        {
            var next = utf8[offset..].IndexOf((byte)'\n');
            offset = next < 0 ? utf8.Length : offset + next + 1;
        }

        offset = Math.Min(offset + inLine, utf8.Length);
        var (lineText, byteText) = (ObjectReader.Number(line + 1), ObjectReader.Number(inLine + 1));
        if (utf8[offset..].Trim(" \t\r\n"u8).IsEmpty)
        {
            return Error.Invalid(string.Empty, "datafile.malformedEnd", lineText, byteText);
        }

        _ = System.Text.Rune.DecodeFromUtf8(utf8[offset..], out var rune, out _);
        var character = System.Text.Rune.IsControl(rune) ? $"U+{rune.Value:X4}" : rune.ToString();
        return Error.Invalid(string.Empty, "datafile.malformed", lineText, byteText, character);
    }

    /// <summary>The parser's own description of malformed JSON, in English: for the JSON API, whose messages are English.</summary>
    public static string Malformed(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        message = (cut > 0 ? message[..cut] : message).TrimEnd();
        return $"malformed JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {message}";
    }

    public static Result<ServiceProfile> ReadService(ReadOnlyMemory<byte> utf8) => Read(utf8, ReadService);

    public static Result<DeploymentProfile> ReadDeployment(ReadOnlyMemory<byte> utf8) => Read(utf8, root => ReadDeployment(root));

    internal static Result<T> Read<T>(ReadOnlyMemory<byte> utf8, Func<JsonElement, Result<T>> read)
    {
        var document = ParseDocument(utf8);
        if (!document.IsOk)
        {
            return Result<T>.Fail(document.Errors);
        }

        using var doc = document.Value;
        return read(doc.RootElement);
    }

    public static Result<ServiceProfile> ReadService(JsonElement root)
    {
        var errors = new List<Error>();
        var r = ObjectReader.Open(root, string.Empty, errors);
        if (r is null)
        {
            return Result<ServiceProfile>.Fail(errors);
        }

        r.RejectUnknown(ServiceFields);
        var id = r.String("id", maxLength: 80, pattern: Patterns.Id);
        var name = r.Name("name", maxLength: 200);
        var category = r.Enum("category", FactDomains.Categories, allowUnknown: false);
        var factsAsOf = r.Date("factsAsOf");
        var description = r.Text("description", required: false);
        var licence = r.String("licence", required: false, maxLength: 100);
        var homepage = r.String("homepage", required: false, pattern: Patterns.Url);
        var provider = ReadProvider(r.Object("provider"));
        var operatingModel = r.Enum("operatingModel", FactDomains.OperatingModels);
        var openSource = r.Bool("openSource");
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        ReadFacts(r.Object("contract"), "contract.", FactDomains.Contract, facts, allowNotApplicable: false);
        ReadFacts(r.Object("technical"), "technical.", FactDomains.Technical, facts, allowNotApplicable: true);
        var processing = ReadProcessing(r.Object("processing"));
        var transfers = new List<Transfer>();
        foreach (var (element, path) in r.Array("transfers") ?? [])
        {
            if (ReadTransfer(ObjectReader.Open(element, path, errors)) is { } transfer)
            {
                transfers.Add(transfer);
            }
        }

        var sources = new List<Source>();
        foreach (var (element, path) in r.Array("sources") ?? [])
        {
            if (ReadSource(ObjectReader.Open(element, path, errors), aboutRequired: true) is { } source)
            {
                sources.Add(source);
            }
        }

        if (r.Has("sources") && sources.Count == 0 && errors.Count == 0)
        {
            r.Invalid("sources", "datafile.needsSource");
        }

        var notes = r.String("notes", required: false, maxLength: 4000);
        var partOf = r.String("partOf", required: false, maxLength: 80, pattern: Patterns.Id);
        if (partOf is not null && partOf == id)
        {
            r.Invalid("partOf", "datafile.partOfItself");
        }

        if (errors.Count > 0)
        {
            return Result<ServiceProfile>.Fail(errors);
        }

        return Result<ServiceProfile>.Ok(new ServiceProfile(
            id!, name!, category!, factsAsOf!.Value, description, licence, homepage, provider!, operatingModel!, openSource, facts,
            processing!.Value.Countries, processing.Value.CanRead, processing.Value.Receives, transfers, sources, notes)
        { PartOf = partOf });
    }

    public static Result<DeploymentProfile> ReadDeployment(JsonElement root, string path = "")
    {
        var errors = new List<Error>();
        var r = ObjectReader.Open(root, path, errors);
        if (r is null)
        {
            return Result<DeploymentProfile>.Fail(errors);
        }

        r.RejectUnknown(DeploymentFieldNames);
        var id = r.String("id", required: false, maxLength: 200);
        var service = r.String("service", maxLength: 80, pattern: Patterns.Id);
        var body = ReadBody(r.Object("body"));
        var values = new List<(DeploymentField Field, object? Value)>(DeploymentFields.All.Count);
        foreach (var (parent, fields, names, required) in DeploymentGroups)
        {
            if (parent is null)
            {
                foreach (var field in fields)
                {
                    values.Add((field, ReadField(r, field.Name, field)));
                }

                continue;
            }

            // A nested object (safeguards): its own unknown fields, then each of its facts.
            if (r.Object(parent, required: required) is { } nested)
            {
                nested.RejectUnknown(names);
                foreach (var field in fields)
                {
                    values.Add((field, ReadField(nested, field.Local, field)));
                }
            }
        }

        if (errors.Count > 0)
        {
            return Result<DeploymentProfile>.Fail(errors);
        }

        var profile = DeploymentFields.Unknown(id, service!, body!);
        foreach (var (field, value) in values)
        {
            profile = field.Set(profile, value);
        }

        return Result<DeploymentProfile>.Ok(profile);
    }

    /// <summary>One fact about the use, by its shape; an optional one that is absent is unknown.</summary>
    private static object? ReadField(ObjectReader r, string name, DeploymentField field)
    {
        switch (field.Shape)
        {
            case FieldShape.OneOf:
                return r.Enum(name, field.Values!, required: field.Required) ?? FactDomains.Unknown;
            case FieldShape.AnyOf:
                return (IReadOnlyList<string>?)r.EnumArray(name, field.Values!, required: field.Required) ?? [];
            case FieldShape.Texts:
                var texts = new List<string>();
                foreach (var (element, itemPath) in r.Array(name, required: field.Required) ?? [])
                {
                    if (element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 and <= 200 } text)
                    {
                        texts.Add(text);
                    }
                    else
                    {
                        r.Errors.Add(Error.Invalid(itemPath, "datafile.notPurpose", "200", ObjectReader.Describe(element)));
                    }
                }

                return texts;
            default:
                return r.Bool(name, required: field.Required);
        }
    }

    private static Provider? ReadProvider(ObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        r.RejectUnknown(["name", "seat", "parentSeat", "thirdCountryAccess"]);
        var name = r.Name("name", maxLength: 200);
        var seat = Country(r, "seat", required: true);
        var parent = Country(r, "parentSeat", required: false);
        var access = r.Bool("thirdCountryAccess", required: false);
        return name is null || seat is null ? null : new Provider(name, seat, parent, access);
    }

    private static string? Country(ObjectReader r, string name, bool required)
    {
        if (!r.Has(name))
        {
            return r.String(name, required);
        }

        var value = r.String(name, maxLength: 7);
        if (value is null or FactDomains.Unknown)
        {
            return value;
        }

        if (value.Length != 2 || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1]))
        {
            r.Invalid(name, "datafile.notCountry", $"\"{value}\"");
            return null;
        }

        return value;
    }

    private static void ReadFacts(ObjectReader? r, string prefix, IReadOnlyDictionary<string, string[]> domain, Dictionary<string, string> facts, bool allowNotApplicable)
    {
        if (r is null)
        {
            return;
        }

        var names = domain.Keys.Select(k => k[prefix.Length..]).ToArray();
        r.RejectUnknown(names);
        foreach (var (path, values) in domain)
        {
            var name = path[prefix.Length..];
            var value = path == "technical.browserClient"
                ? r.BoolOrWord(name, FactDomains.Unknown, FactDomains.NotApplicable)
                : r.Enum(name, values, extra: allowNotApplicable ? FactDomains.NotApplicable : null);
            if (value is not null)
            {
                facts[path] = value;
            }
        }
    }

    private static (IReadOnlyList<string>? Countries, bool? CanRead, bool? Receives)? ReadProcessing(ObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        r.RejectUnknown(["countries", "providerCanReadContent", "providerReceivesPersonalData"]);
        IReadOnlyList<string>? countries = null;
        var path = r.PathOf("countries");
        var before = r.Errors.Count;
        if (r.Has("countries") && r.Array("countries", required: false) is { } items)
        {
            var list = new List<string>();
            foreach (var (element, itemPath) in items)
            {
                var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : null;
                if (text == "worldwide" || (text is { Length: 2 } && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1])))
                {
                    list.Add(text);
                }
                else
                {
                    r.Errors.Add(Error.Invalid(itemPath, "datafile.notCountryOrWorldwide", ObjectReader.Describe(element)));
                }
            }

            if (list.Count == 0 && r.Errors.Count == before)
            {
                r.Errors.Add(Error.Invalid(path, "datafile.noCountries"));
            }

            countries = list;
        }
        else if (r.Errors.Count > before && r.Errors[^1].Field == path)
        {
            // "unknown" is the one string allowed here instead of a list.
            if (r.String("countries") == FactDomains.Unknown)
            {
                r.Errors.RemoveAt(r.Errors.Count - 1);
            }
            else
            {
                r.Errors.RemoveRange(before, r.Errors.Count - before);
                r.Invalid("countries", "datafile.notCountries");
            }
        }
        else if (!r.Has("countries"))
        {
            r.Invalid("countries", "datafile.missing");
        }

        var canRead = r.Bool("providerCanReadContent");
        var receives = r.Bool("providerReceivesPersonalData", required: false);
        return (countries, canRead, receives);
    }

    private static Transfer? ReadTransfer(ObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        r.RejectUnknown(["to", "recipient", "tool", "sccAltered", "tia", "supplementaryMeasures", "recipientDpfCertified", "concluded"]);
        var to = r.String("to", maxLength: 2, pattern: Patterns.Country);
        var recipient = r.String("recipient", required: false, maxLength: 200);
        var tool = r.Enum("tool", FactDomains.TransferTools);
        // Absent means unknown: a fact nobody stated is never silently the harmless value.
        var altered = r.Bool("sccAltered", required: false);
        var tia = r.Bool("tia", required: false);
        var measures = r.Has("supplementaryMeasures") ? r.Enum("supplementaryMeasures", FactDomains.SupplementaryMeasures) : FactDomains.Unknown;
        var certified = r.Bool("recipientDpfCertified", required: false);
        var concluded = r.Date("concluded", required: false);
        return to is null || tool is null || measures is null ? null : new Transfer(to, recipient, tool, altered, tia, measures, certified, concluded);
    }

    internal static Source? ReadSource(ObjectReader? r, bool aboutRequired)
    {
        if (r is null)
        {
            return null;
        }

        r.RejectUnknown(["url", "seen", "about", "note", "summary", "passage", "lang", "inferred"]);
        var url = r.String("url", pattern: Patterns.Url);
        var seen = r.Date("seen");
        var about = r.String("about", required: aboutRequired, maxLength: 1000);
        var note = r.String("note", required: false, maxLength: 2000);
        var summary = r.Text("summary", required: false);
        var passage = r.String("passage", required: false, maxLength: 1000);
        var lang = r.String("lang", required: passage is not null, maxLength: 3, pattern: Patterns.Language);
        var inferred = r.Text("inferred", required: false);
        return url is null || seen is null || (aboutRequired && about is null) ? null : new Source(url, seen.Value, about ?? string.Empty, note, summary, passage, inferred, lang);
    }

    private static Body? ReadBody(ObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        r.RejectUnknown(["id", "name", "kind", "publicBody", "state"]);
        var id = r.String("id", required: false, maxLength: 200);
        var name = r.String("name", required: false, maxLength: 300);
        var kind = r.Enum("kind", FactDomains.BodyKinds, allowUnknown: false);
        var publicBody = r.Bool("publicBody", allowUnknown: false);
        var state = r.String("state", required: false, maxLength: 2, pattern: Patterns.Country);
        return kind is null || publicBody is null ? null : new Body(id, name, kind, publicBody.Value, state);
    }
}
