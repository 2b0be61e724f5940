using System.Text;
using System.Text.Json;

namespace Aufsicht.Core.Questionnaires;

/// <summary>
/// A respondent's answers: answer key → values. A key is a question id, or for a question of a per-service section
/// <c>questionId@serviceKey</c> (serviceKey: a catalogue id, or <see cref="Other"/>); the free text of "other, namely"
/// is kept under <c>servicesQuestionId.other</c>. Every value is a string, as a form posts it.
/// </summary>
public sealed class Answers
{
    /// <summary>The service key and option value of "other, namely …".</summary>
    public const string Other = "other";

    public static readonly Answers Empty = new(new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal));

    private readonly Dictionary<string, IReadOnlyList<string>> _values;

    public Answers(IReadOnlyDictionary<string, IReadOnlyList<string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, IReadOnlyList<string>>(values, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values => _values;

    public static string Key(string questionId, string? serviceKey) => serviceKey is null ? questionId : questionId + "@" + serviceKey;

    public static string OtherKey(string servicesQuestionId) => servicesQuestionId + ".other";

    public IReadOnlyList<string> Get(string key) => _values.TryGetValue(key, out var values) ? values : [];

    public string? One(string key) => _values.TryGetValue(key, out var values) && values.Count > 0 ? values[0] : null;

    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>The answers as a JSON object of string lists, keys in order (so equal answers give equal text).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (key, values) in _values.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartArray(key);
                foreach (var value in values)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote (stored answers, never user input).</summary>
    public static Answers FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = property.Value.EnumerateArray().Select(v => v.GetString() ?? string.Empty).ToArray();
        }

        return new Answers(values);
    }
}
