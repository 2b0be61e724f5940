using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aufsicht.Tests.Shared;
using Aufsicht.Tests.Web;
using CsCheck;
using Xunit;

namespace Aufsicht.Tests.Responses;

/// <summary>
/// Random input to everything that takes a body from outside — the answer API (both paths), the assessment API and the
/// respondent form — must never make the server fail (issue 12, point 4: <c>{"answers":{"usesVideo":[null]}}</c> gave
/// a 500). Shapes: nulls, arrays, nested objects, numbers, long strings and wrong types, under known and unknown keys,
/// mutated from good requests so that the handlers behind the parser are reached too. An API's refusal is a ProblemDetails.
/// </summary>
[Trait("Category", "Database")]
public sealed partial class FuzzTests : IDisposable
{
    private const int Cases = 150;

    private readonly string _dir = Directory.CreateTempSubdirectory("aufsicht-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The question keys of the shipped questionnaire, per service and not, and keys it does not know.</summary>
    private static readonly string[] Keys =
    [
        .. SurveyAnswers.For("jitsi-self-operated", null).Select(a => a.Key),
        .. SurveyAnswers.For("zoom", null).Select(a => a.Key),
        "usesVideo", "services", "users", "remarks", "plans", "since", "services.other", "hosting@", "@zoom", "a@b@c", "unknown", "", "__proto__",
    ];

    private static readonly string[] Values =
    [
        .. SurveyAnswers.For("jitsi-self-operated", null).SelectMany(a => a.Values),
        "yes", "no", "unknown", "other", "zoom", "2021-13-45", "2021-02-29", "-1", "1e400", "NaN", "0", "99999999999999999999", "",
    ];

    private static readonly Gen<string> GenString = Gen.OneOf(
        Gen.OneOf(Values),
        Gen.OneOf(Keys),
        Gen.String,
        Gen.Int[1_000, 70_000].Select(n => new string('ä', n)),
        Gen.Char.Array[0, 20].Select(c => new string(c)));

    private static readonly Gen<JsonNode?> GenLeaf = Gen.Frequency(
        (2, Gen.Const<JsonNode?>((JsonNode?)null)),
        (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (1, Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l))),
        (1, Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d))),
        (4, GenString.Select(s => (JsonNode?)JsonValue.Create(s))));

    /// <summary>Any JSON value, nested a few levels deep.</summary>
    private static readonly Gen<JsonNode?> GenJson = Gen.Recursive<JsonNode?>((depth, self) => depth >= 3
        ? GenLeaf
        : Gen.Frequency(
            (3, GenLeaf),
            (1, self.Array[0, 4].Select(items => (JsonNode?)new JsonArray(items))),
            (1, Gen.Select(Gen.OneOf(Gen.OneOf(Keys), Gen.String), self).Array[0, 4].Select(m => (JsonNode?)Object(m)))));

    /// <summary>An answer's value: mostly an array of strings, with nulls, numbers, nested values or a wrong type mixed in.</summary>
    private static readonly Gen<JsonNode?> GenAnswer = Gen.Frequency(
        (4, Gen.Frequency((5, GenString.Select(s => (JsonNode?)JsonValue.Create(s))), (1, GenJson)).Array[0, 4].Select(items => (JsonNode?)new JsonArray(items))),
        (1, GenJson));

    /// <summary>A body for the answer API: usually its shape with random answers, sometimes anything at all.</summary>
    private static readonly Gen<string> GenAnswerBody = Gen.Frequency(
        (5, Gen.Select(Gen.Select(Gen.OneOf(Keys), GenAnswer).Array[0, 6], Gen.Frequency((3, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))), (1, GenJson)))
            .Select(p => new JsonObject { ["answers"] = Object(p.Item1), ["submit"] = p.Item2 }.ToJsonString())),
        (1, GenJson.Select(j => j?.ToJsonString() ?? "null")),
        (1, Gen.String.Select(s => "{\"answers\":" + s)));

    /// <summary>A good service or deployment profile with values replaced by random ones, keys added or dropped.</summary>
    private static Gen<string> GenProfile() =>
        Gen.Select(Gen.OneOf(DomainExamples.Service, DomainExamples.Deployment), Gen.Int.Array[1, 4], GenJson.Array[1, 4], Gen.Int[0, 3])
            .Select(p => Mutate(p.Item1, p.Item2, p.Item3, p.Item4));

    [Fact]
    public async Task AnswerApi_NullInAnswers_IsRefusedWithAProblem()
    {
        var token = DemoToken();
        await using var app = await AppServer.StartAsync("--data-dir", _dir);
        foreach (var (body, key) in new[] { ("{\"answers\":{\"usesVideo\":[null]}}", "usesVideo"), ("{\"answers\":{\"usesVideo\":null,\"services\":[null,\"zoom\"]},\"submit\":true}", "services") })
        {
            using var response = await PutAsync(app.Client, "/api/v1/antworten/" + token, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadAsStringAsync();
            Assert.Contains($"\"{key}\":[\"", problem, StringComparison.Ordinal);
            Assert.Contains("null", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RandomBodies_ToEveryApiThatTakesOne_NeverFailTheServer()
    {
        var tokens = DemoTokens();
        await using var app = await AppServer.StartAsync("--data-dir", _dir);
        using var client = new HttpClient { BaseAddress = app.Address };
        var gen = Gen.Select(Gen.Int[0, 2], Gen.Int[0, tokens.Length - 1], GenAnswerBody, GenProfile());
        await Check.SampleAsync(gen, async (endpoint, token, answers, profile) =>
        {
            using var response = endpoint switch
            {
                0 => await PutAsync(client, "/api/v1/antworten/" + tokens[token], answers),
                1 => await PutAsync(client, "/api/v1/responses/" + tokens[token], answers),
                _ => await SendAsync(client, HttpMethod.Post, "/api/v1/assessments?asOf=2021-03-01", profile),
            };
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {(endpoint == 2 ? profile : answers)}: {body}");
            if (!response.IsSuccessStatusCode)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }, iter: Cases, threads: 1, print: p => (p.Item1 == 2 ? p.Item4 : p.Item3) is var s && s.Length > 2_000 ? s[..2_000] + "…" : s);
    }

    [Fact]
    public async Task RandomFormPosts_ToTheRespondentPages_NeverFailTheServer()
    {
        var tokens = DemoTokens();
        await using var app = await AppServer.StartAsync("--data-dir", _dir);
        using var session = app.NewSession();
        var antiforgery = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            var (_, page, _) = await session.GetAsync("/antwort/" + token);
            antiforgery[token] = TokenField().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("no antiforgery token on the form");
        }

        var field = Gen.Frequency(
            (6, Gen.Select(Gen.OneOf(Keys), GenString).Select(p => KeyValuePair.Create("a:" + p.Item1, p.Item2))),
            (1, Gen.Select(Gen.OneOf("abschnitt", "revision", "action", "a:", "a", "handler"), GenString).Select(p => KeyValuePair.Create(p.Item1, p.Item2))));
        var gen = Gen.Select(Gen.Int[0, tokens.Length - 1], Gen.OneOf(Gen.Int[-1, 6].Select(i => i.ToString(CultureInfo.InvariantCulture)), GenString),
            Gen.OneOf(Gen.Int[0, 5].Select(i => i.ToString(CultureInfo.InvariantCulture)), GenString), Gen.OneOf("next", "save", "submit", "", "other"), field.Array[0, 12]);
        await Check.SampleAsync(gen, async (token, section, revision, action, fields) =>
        {
            var form = fields.Append(KeyValuePair.Create("abschnitt", section)).Append(KeyValuePair.Create("revision", revision))
                .Append(KeyValuePair.Create("action", action)).Append(KeyValuePair.Create("__RequestVerificationToken", antiforgery[tokens[token]]));
            // The address itself stays within Kestrel's request line (8 KB): a longer one is refused with 414 and the
            // connection closed before the body is sent, which the client sees as a broken pipe, not as an answer.
            var query = Uri.EscapeDataString(section.Length > 500 ? section[..500] : section);
            var (status, body, _) = await session.PostAsync("/antwort/" + tokens[token] + "?abschnitt=" + query, form);
            Assert.True((int)status < 500, $"{(int)status}: {body[..Math.Min(body.Length, 500)]}");
        }, iter: Cases, threads: 1, print: p => string.Join("&", p.Item5.Select(f => f.Key + "=" + (f.Value.Length > 100 ? f.Value[..100] + "…" : f.Value))) + $" (section {p.Item2}, revision {p.Item3}, action {p.Item4})");
    }

    private static JsonObject Object(IEnumerable<(string Key, JsonNode? Value)> members)
    {
        var result = new JsonObject();
        foreach (var (key, value) in members)
        {
            result[key] = value;
        }

        return result;
    }

    /// <summary>The profile with some of its members' values replaced, a member added, or one dropped.</summary>
    private static string Mutate(string json, int[] picks, JsonNode?[] values, int mode)
    {
        var root = JsonNode.Parse(json)!;
        var members = new List<(JsonObject Parent, string Key)>();
        void Collect(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                foreach (var (key, value) in o.ToList())
                {
                    members.Add((o, key));
                    Collect(value);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var item in a)
                {
                    Collect(item);
                }
            }
        }

        Collect(root);
        for (var i = 0; i < Math.Min(picks.Length, values.Length); i++)
        {
            var (parent, key) = members[(int)((uint)picks[i] % (uint)members.Count)];
            if (parent.ContainsKey(key) && parent.Root == root)
            {
                switch (mode)
                {
                    case 0:
                        parent.Remove(key);
                        break;
                    case 1:
                        parent["x" + i.ToString(CultureInfo.InvariantCulture)] = values[i];
                        break;
                    default:
                        parent[key] = values[i];
                        break;
                }
            }
        }

        return root.ToJsonString();
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, string json) => SendAsync(client, HttpMethod.Put, path, json);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await client.SendAsync(request);
    }

    private string DemoToken() => DemoTokens()[0];

    /// <summary>A demo of three bodies in the test's folder: their link tokens.</summary>
    private string[] DemoTokens()
    {
        var tokens = Path.Combine(_dir, "tokens.txt");
        Assert.Equal(0, Cli.Run("demo", "--bodies", "3", "--data-dir", _dir, "--tokens", tokens).ExitCode);
        return File.ReadAllLines(tokens);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
