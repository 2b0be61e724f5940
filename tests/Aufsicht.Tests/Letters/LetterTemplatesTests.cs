using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Aufsicht.Core.Law;
using Aufsicht.Documents.Letters;
using Aufsicht.Features.Letters;
using Aufsicht.Features.Shared;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using Xunit;

namespace Aufsicht.Tests.Letters;

[Trait("Category", "Unit")]
public sealed partial class LetterTemplatesTests
{
    private static readonly XNamespace Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    /// <summary>English words that must not appear in a German letter (whole words).</summary>
    private static readonly string[] EnglishWords = ["the", "and", "of", "to", "Dear", "Yours", "deadline", "file", "number", "period", "hearing", "order", "fine", "letter", "Page", "Attn", "court", "section", "objection"];

    public static TheoryData<string, Language> EveryDefault()
    {
        var data = new TheoryData<string, Language>();
        foreach (var kind in LetterKinds.All)
        {
            data.Add(kind.WireName(), Language.De);
            data.Add(kind.WireName(), Language.En);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryDefault))]
    public void Render_DefaultTemplate_PdfSaysWhatTheLetterMust(string wire, Language language)
    {
        Assert.True(LetterKinds.TryParse(wire, out var kind));
        var letter = Render(kind, language);

        var text = PdfText(LetterOutput.ToPdf(letter));

        Assert.Contains(SampleLetters.FileNumber, text, StringComparison.Ordinal);
        Assert.Contains("Grundschule Am Inselsee", text, StringComparison.Ordinal);
        Assert.Contains(language == Language.De ? "18.12.2026" : "18 Dec 2026", text, StringComparison.Ordinal);
        if (LetterVariables.Names(kind).Contains("deadline.date"))
        {
            Assert.Contains(language == Language.De ? "04.01.2027" : "4 Jan 2027", text, StringComparison.Ordinal);
        }

        var remedy = language == Language.De ? "Rechtsbehelfsbelehrung" : "Instructions on legal remedies";
        if (kind.NeedsRemedy())
        {
            Assert.Contains(remedy, text, StringComparison.Ordinal);
            Assert.NotNull(letter.Remedy);
        }
        else
        {
            Assert.DoesNotContain(remedy, text, StringComparison.Ordinal);
        }

        if (kind is LetterKind.Warning or LetterKind.Reprimand or LetterKind.Order)
        {
            Assert.Contains(language == Language.De ? "Verwaltungsgericht Schwerin" : "Administrative Court of Schwerin", text, StringComparison.Ordinal);
            Assert.Contains(language == Language.De ? "eines Monats" : "one month", text, StringComparison.Ordinal);
            Assert.Contains("20(6)", text.Replace(" Abs. 6", "(6)", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(IsoDate(), text);
        if (language == Language.De)
        {
            var words = Words().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            Assert.DoesNotContain(EnglishWords, words.Contains);
            Assert.Contains("Im Auftrag", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(EveryDefault))]
    public void ToOdt_DefaultTemplate_IsAPackageWithTheSameText(string wire, Language language)
    {
        Assert.True(LetterKinds.TryParse(wire, out var kind));
        var letter = Render(kind, language);

        using var zip = new ZipArchive(new MemoryStream(LetterOutput.ToOdt(letter)));

        Assert.Equal("mimetype", zip.Entries[0].FullName);
        Assert.Equal(zip.Entries[0].Length, zip.Entries[0].CompressedLength);
        var content = XDocument.Load(zip.GetEntry("content.xml")!.Open());
        var text = string.Join(" ", content.Descendants().Where(e => e.Name == Text + "p" || e.Name == Text + "h").Select(e => e.Value));
        Assert.Contains(SampleLetters.FileNumber, text, StringComparison.Ordinal);
        Assert.Contains(letter.Subject, text, StringComparison.Ordinal);
        Assert.Contains(letter.Closing, text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.Equal(kind.NeedsRemedy(), content.Descendants(Text + "section").Any(s => (string?)s.Attribute(Text + "name") == "Rechtsbehelfsbelehrung"));
        var numbered = letter.Body.OfType<NumberedList>().Sum(l => l.Items.Count);
        Assert.Equal(numbered, content.Descendants(Text + "list").Where(l => (string?)l.Attribute(Text + "style-name") == "Tenor").SelectMany(l => l.Elements(Text + "list-item")).Count());
        XDocument.Load(zip.GetEntry("styles.xml")!.Open());
        XDocument.Load(zip.GetEntry("META-INF/manifest.xml")!.Open());
    }

    [Theory]
    [InlineData(Language.De, "de-DE")]
    [InlineData(Language.En, "en-GB")]
    public void ToPdf_Hearing_IsTaggedWithLanguageTitleAndStructure(Language language, string tag)
    {
        var letter = Render(LetterKind.Order, language, logo: true);

        using var pdf = PdfDocument.Open(LetterOutput.ToPdf(letter));

        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.Equal(tag, Resolve<StringToken>(pdf, catalog.Data["Lang"]).Data);
        Assert.True(catalog.Data.ContainsKey("StructTreeRoot"));
        Assert.Equal(letter.Subject, pdf.Information.Title);
        var types = new List<string>();
        Walk(pdf, Resolve<DictionaryToken>(pdf, catalog.Data["StructTreeRoot"]), types);
        Assert.Equal(1, types.Count(t => t == "H1"));
        Assert.Contains("H2", types);
        Assert.Contains("L", types);
        Assert.Contains("LI", types);
        Assert.Contains("Lbl", types);
        Assert.Contains("LBody", types);
        Assert.Contains("Sect", types);
        Assert.Contains("Figure", types);
        // Reading order: the letterhead and address come before the subject.
        Assert.True(types.IndexOf("H1") > types.IndexOf("Figure"));
    }

    [Fact]
    public void ToPdf_Hearing_AddressSitsInTheWindow()
    {
        var letter = Render(LetterKind.Hearing, Language.De);

        using var pdf = PdfDocument.Open(LetterOutput.ToPdf(letter));

        // DL window, form B: 20–110 mm from the left, 45–90 mm from the top; PdfPig measures from the bottom.
        const double mm = 72 / 25.4;
        var page = pdf.GetPage(1);
        var word = page.GetWords().First(w => w.Text == "Inselseeweg");
        var top = page.Height - word.BoundingBox.Top;
        Assert.InRange(word.BoundingBox.Left, 20 * mm, 110 * mm);
        Assert.InRange(top, 45 * mm, 90 * mm);
    }

    [Fact]
    public void Render_ValuesWithMarkupSigns_StayText()
    {
        var data = SampleLetters.Data(Language.De) with { Body = new LetterRecipient("1. FC **Stern** <b>e. V.</b> ## # !! - x", null, ["Weg 1"]) };

        var result = LetterTemplates.Render(LetterKind.Closing, Default(LetterKind.Closing, Language.De), data, Language.De);

        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        var paragraph = Assert.IsType<LetterParagraph>(result.Value.Body[0]);
        Assert.Contains("1. FC **Stern** <b>e. V.</b> ## # !! - x", paragraph.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(paragraph.Runs, r => r.Emphasis);
    }

    [Fact]
    public void Render_Markup_MakesSubjectHeadingsListsEmphasisAndRemedy()
    {
        const string template = "# Betreff {{ file_number }}\n\nSehr geehrte Damen und Herren,\n\n## Tenor\n\n1. Erstens\n7. Zweitens mit **Frist**.\n\n- Punkt\n\nText **fett** und normal.\n\n!! Rechtsbehelfsbelehrung\n\nKlage beim {{ authority.court }}.\n\nMit freundlichen Grüßen";

        var letter = LetterTemplates.Render(LetterKind.Order, template, SampleLetters.Data(Language.De), Language.De).Value;

        Assert.Equal("Betreff " + SampleLetters.FileNumber, letter.Subject);
        Assert.Equal("Sehr geehrte Damen und Herren,", letter.Salutation);
        Assert.Equal("Mit freundlichen Grüßen", letter.Closing);
        Assert.IsType<LetterHeading>(letter.Body[0]);
        var list = Assert.IsType<NumberedList>(letter.Body[1]);
        Assert.Equal(2, list.Items.Count);
        Assert.Equal([new TextRun("Zweitens mit "), new TextRun("Frist", true), new TextRun(".")], list.Items[1]);
        Assert.IsType<BulletList>(letter.Body[2]);
        Assert.Equal("Rechtsbehelfsbelehrung", letter.Remedy!.Heading);
        Assert.Equal("Klage beim Verwaltungsgericht Schwerin.", Assert.IsType<LetterParagraph>(Assert.Single(letter.Remedy.Blocks)).Text);
    }

    [Theory]
    [InlineData("# B\n\nHallo,\n\n{{ fine.amount }}\n\nGruß", "letters.template.unknown", "'fine.amount'")]
    [InlineData("# B\n\nHallo,\n\n{{ secret }}\n\nGruß", "letters.template.unknown", "'secret'")]
    [InlineData("# B\n\nHallo,\n\n{% include 'x' %}\n\nGruß", "letters.template.tag", "include")]
    [InlineData("# B\n\nHallo,\n\n{{ facts | append: facts }}\n\nGruß", "letters.template.filter", "'append'")]
    [InlineData("# B\n\nHallo,\n\n{% for i in (1..100000) %}x{% endfor %}\n\nGruß", "letters.template.range", "(1..100000)")]
    [InlineData("# B\n\nHallo,\n\n{% for i in (1..1000) %}{% for j in (1..1000) %}x{% endfor %}{% endfor %}\n\nGruß", "letters.template.tooBig", "100000")]
    [InlineData("# B\n\nHallo,\n\nText <b>fett</b>\n\nGruß", "letters.markup.forbidden", "<b>")]
    [InlineData("# B\n\nHallo,\n\n> Zitat\n\nGruß", "letters.markup.forbidden", ">")]
    [InlineData("# B\n\nHallo,\n\n### Tief\n\nGruß", "letters.markup.forbidden", "###")]
    [InlineData("# B\n\nHallo,\n\n[Link](http://x)\n\nGruß", "letters.markup.forbidden", "](")]
    [InlineData("# B\n\nHallo,\n\nText **offen\n\nGruß", "letters.markup.emphasis", "5")]
    [InlineData("Hallo,\n\nText\n\nGruß", "letters.markup.subject", null)]
    [InlineData("# B\n\nHallo,", "letters.markup.closing", null)]
    [InlineData("# B\n\n{% if x %}", "letters.template.syntaxAt", null)]
    public void Check_BadTemplate_IsRefusedNamingTheProblem(string template, string key, string? argument)
    {
        var errors = LetterTemplates.Check(LetterKind.Hearing, template);

        var error = Assert.Single(errors);
        Assert.Equal(key, error.Key);
        Assert.Equal("template", error.Field);
        if (argument is not null)
        {
            Assert.Contains(error.Args, a => a.Contains(argument, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(error.Key, Failures.Message(error, Language.De), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OrderWithoutRemedy_IsRefused()
    {
        var errors = LetterTemplates.Check(LetterKind.Order, "# Anordnung\n\nSehr geehrte Damen und Herren,\n\nText.\n\nMit freundlichen Grüßen");

        Assert.Equal("letters.markup.remedy", Assert.Single(errors).Key);
    }

    [Fact]
    public void Check_EveryDefaultTemplate_IsAccepted()
    {
        foreach (var kind in LetterKinds.All)
        {
            foreach (var language in (Language[])[Language.De, Language.En])
            {
                Assert.Empty(LetterTemplates.Check(kind, Default(kind, language)));
            }
        }
    }

    [Fact]
    public void Variables_EveryKind_HasDescriptionsInBothLanguages()
    {
        foreach (var kind in LetterKinds.All)
        {
            var variables = LetterVariables.For(kind);
            Assert.Contains(variables, v => v.Name == "file_number");
            Assert.All(variables, v => Assert.False(string.IsNullOrWhiteSpace(v.De) || string.IsNullOrWhiteSpace(v.En)));
        }

        Assert.DoesNotContain("fine.amount", LetterVariables.Names(LetterKind.Hearing));
        Assert.Contains("fine.amount", LetterVariables.Names(LetterKind.FineNotice));
    }

    [Theory]
    [InlineData("150000", Language.De, "150.000,00\u00A0€")]
    [InlineData("150000", Language.En, "€150,000.00")]
    [InlineData("20000000.005", Language.De, "20.000.000,01\u00A0€")]
    [InlineData("0.5", Language.En, "€0.50")]
    public void Money_WritesAmountsAsReadersExpect(string amount, Language language, string expected) =>
        Assert.Equal(expected, LetterFormat.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), language));

    [Fact]
    public void Render_FineNotice_ShowsTheAmountInGermanNotation()
    {
        var text = PdfText(LetterOutput.ToPdf(Render(LetterKind.FineNotice, Language.De)));

        Assert.Contains("150.000,00 €", text, StringComparison.Ordinal);
        Assert.Contains("zwei Wochen nach Zustellung", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sha256_IsTheHexDigestOfTheBytes()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", LetterOutput.Sha256("abc"u8));
        var pdf = LetterOutput.ToPdf(Render(LetterKind.Hearing, Language.De));
        Assert.Equal(64, LetterOutput.Sha256(pdf).Length);
    }

    [Fact]
    public void ToPdf_LongLetter_NumbersItsPages()
    {
        var data = SampleLetters.Data(Language.De) with { Facts = string.Join(' ', Enumerable.Repeat("Die Schule übermittelt Daten an den Anbieter.", 200)) };
        var letter = LetterTemplates.Render(LetterKind.Order, Default(LetterKind.Order, Language.De), data, Language.De).Value;

        using var pdf = PdfDocument.Open(LetterOutput.ToPdf(letter));

        Assert.True(pdf.NumberOfPages >= 2);
        Assert.Contains($"Seite {pdf.NumberOfPages} von {pdf.NumberOfPages}", string.Join(" ", pdf.GetPage(pdf.NumberOfPages).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
    }

    internal static LetterDocument Render(LetterKind kind, Language language, bool logo = false)
    {
        var result = LetterTemplates.Render(kind, Default(kind, language), SampleLetters.Data(language, logo), language);
        Assert.True(result.IsOk, string.Join("; ", result.Errors.Select(e => Failures.Message(e, Language.En))));
        return result.Value;
    }

    private static string Default(LetterKind kind, Language language) =>
        DefaultLetterTemplates.Read(Path.Combine(Cli.Repository, "data"), kind, language);

    private static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private static void Walk(PdfDocument pdf, DictionaryToken node, List<string> found)
    {
        if (node.Data.TryGetValue("S", out var type))
        {
            found.Add(Resolve<NameToken>(pdf, type).Data);
        }

        if (!node.Data.TryGetValue("K", out var kids))
        {
            return;
        }

        var resolved = kids is IndirectReferenceToken reference ? pdf.Structure.TokenScanner.Get(reference.Data)?.Data : kids;
        IEnumerable<IToken> children = resolved is ArrayToken array ? array.Data : [resolved!];
        foreach (var child in children)
        {
            var value = child is IndirectReferenceToken r ? pdf.Structure.TokenScanner.Get(r.Data)?.Data : child;
            if (value is DictionaryToken dictionary && (dictionary.Data.ContainsKey("S") || dictionary.Data.ContainsKey("K")) && !dictionary.Data.ContainsKey("MCID"))
            {
                Walk(pdf, dictionary, found);
            }
        }
    }

    private static T Resolve<T>(PdfDocument pdf, IToken token)
        where T : IToken =>
        token is IndirectReferenceToken reference ? (T)pdf.Structure.TokenScanner.Get(reference.Data)!.Data : (T)token;

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();
}
