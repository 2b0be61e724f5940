using System.Text.RegularExpressions;
using Aufsicht.Core.Law;
using Aufsicht.Features;
using Xunit;

namespace Aufsicht.Tests.Shared;

/// <summary>
/// Every message key an <c>Error</c> is made with has a text in German and in English, and every text of the tables
/// has the same placeholders in both: found by reading the sources, so a key added anywhere is checked without a list.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class MessageKeyTests
{
    /// <summary>Every key given to an Error factory, and every literal with the same first segment (keys passed on by a reader's helper).</summary>
    public static TheoryData<string> Keys => new(ErrorKeys());

    [Theory]
    [MemberData(nameof(Keys))]
    public void ErrorKey_HasAGermanAndAnEnglishText(string key)
    {
        Assert.True(Texts.Has(key), $"'{key}' is used for an Error but is in no text table");
        var (de, en) = (Texts.T(Language.De, key), Texts.T(Language.En, key));
        Assert.False(string.IsNullOrWhiteSpace(de), key);
        Assert.False(string.IsNullOrWhiteSpace(en), key);
        // The same text in both languages is an untranslated one, unless it holds no words (a name, a number, a place).
        Assert.True(de != en || !Word().IsMatch(Placeholder().Replace(de, string.Empty)), $"'{key}' has the same text in German and English: {de}");
    }

    [Fact]
    public void Sources_AreRead_ManyKeysFound()
    {
        var keys = ErrorKeys();
        // Guards the scan itself: a broken pattern would find nothing and let every key pass.
        Assert.True(keys.Count > 50, $"only {keys.Count} keys found");
        Assert.Contains("datafile.notOneOf", keys);
        Assert.Contains("bodies.edit.conflict", keys);
        Assert.Contains("questionnairefile.conditionLater", keys);
    }

    /// <summary>
    /// An answer's message key is built from its code (<c>"answer." + code</c>), which the scan cannot see: the codes
    /// are those of <c>SurveyForm.Codes</c> and those each question kind's descriptor says its check returns.
    /// </summary>
    [Fact]
    public void EveryAnswerCode_HasAGermanAndAnEnglishText()
    {
        var codes = typeof(Aufsicht.Core.Questionnaires.SurveyForm.Codes)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(Aufsicht.Core.Questionnaires.QuestionKinds.All.SelectMany(k => k.Descriptor.Codes))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(codes.Count >= 10, $"only {codes.Count} answer codes found");
        Assert.All(codes, code => ErrorKey_HasAGermanAndAnEnglishText("answer." + code));
    }

    [Fact]
    public void EveryText_HasTheSamePlaceholdersInBothLanguages()
    {
        var mismatched = Texts.Keys
            .Where(key => !Placeholders(Texts.T(Language.De, key)).SetEquals(Placeholders(Texts.T(Language.En, key))))
            .ToList();
        Assert.True(mismatched.Count == 0, "different placeholders in German and English: " + string.Join(", ", mismatched));
    }

    [Theory]
    [InlineData("Error.Invalid(PathOf(name), \"x.one\", Describe(v))", "x.one")]
    [InlineData("Error.Conflict(\"revision\", flag ? \"x.a\" : \"x.b\")", "x.a", "x.b")]
    [InlineData("new Error(ErrorKind.Gone, $\"{a}, {b}\", \"x.two\", [])", "x.two")]
    [InlineData("Error.NotFound(string.Empty, key, \"x.notAKey\")")]
    public void KeysIn_TakesTheKeyArgumentOnly(string code, params string[] expected) =>
        Assert.Equal(expected, KeysIn(code));

    private static HashSet<string> ErrorKeys()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Cli.Repository, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var keys = sources.SelectMany(KeysIn).ToHashSet(StringComparer.Ordinal);
        var prefixes = keys.Select(k => k[..(k.IndexOf('.', StringComparison.Ordinal) + 1)]).ToHashSet(StringComparer.Ordinal);
        // The mail and letter templates' variables (campaign.title, deadline.date …) look like keys but are names the templates use.
        var variables = Aufsicht.Features.Mail.MailTemplates.Variables
            .Concat(Aufsicht.Features.Letters.LetterVariables.All.Select(v => v.Name))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var literal in sources.SelectMany(s => KeyLiteral().Matches(s)).Select(m => m.Groups[1].Value))
        {
            if (prefixes.Any(p => literal.StartsWith(p, StringComparison.Ordinal)) && !variables.Contains(literal))
            {
                keys.Add(literal);
            }
        }

        return keys;
    }

    /// <summary>The string literals of the key argument of each Error factory call in the code (the second; the third of <c>new Error(kind, …)</c>).</summary>
    private static IEnumerable<string> KeysIn(string code)
    {
        foreach (Match call in Factory().Matches(code))
        {
            var arguments = Arguments(code, call.Index + call.Length);
            var index = call.Groups["new"].Success ? 2 : 1;
            if (arguments.Count > index)
            {
                foreach (Match literal in StringLiteral().Matches(arguments[index]))
                {
                    if (literal.Groups[1].Value.EndsWith('.'))
                    {
                        // A prefix the key is built from ("answer." + code): the codes are checked on their own.
                        continue;
                    }

                    yield return literal.Groups[1].Value;
                }
            }
        }
    }

    /// <summary>The arguments of a call whose opening parenthesis ends before <paramref name="start"/>, split at top-level commas.</summary>
    private static List<string> Arguments(string code, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var from = start;
        for (var i = start; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                // Skip a string literal (regular, interpolated or verbatim; its braces and commas are no syntax here).
                var verbatim = i > 0 && (code[i - 1] == '@' || (i > 1 && code[i - 2] == '@'));
                for (i++; i < code.Length && code[i] != '"'; i++)
                {
                    if (code[i] == '\\' && !verbatim)
                    {
                        i++;
                    }
                }
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' && depth > 0)
            {
                depth--;
            }
            else if (c is ')' or ',' && depth == 0)
            {
                arguments.Add(code[from..i].Trim());
                from = i + 1;
                if (c == ')')
                {
                    break;
                }
            }
        }

        return arguments;
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\bError\.(?:Invalid|NotFound|Conflict|Forbidden|Gone|TooLarge)\(|(?<new>\bnew Error\()(?=\s*ErrorKind\.)")]
    private static partial Regex Factory();

    [GeneratedRegex(@"(?<![@$\w])""((?:[^""\\\r\n]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<![@$\w])""([a-z][a-zA-Z]*(?:\.[a-zA-Z0-9-]+)+)""")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b\p{Ll}{2,}\b")]
    private static partial Regex Word();
}
