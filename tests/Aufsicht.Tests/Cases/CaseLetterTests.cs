using System.Net;
using System.Text.Json;
using Aufsicht.Core.Cases;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Aufsicht.Features.Cases;
using Aufsicht.Features.Letters;
using Aufsicht.Tests.Mail;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using UglyToad.PdfPig;
using Xunit;

namespace Aufsicht.Tests.Cases;

[Trait("Category", "Database")]
public sealed class CaseLetterTestsOnSqlite : CaseLetterTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class CaseLetterTestsOnPostgres : CaseLetterTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// Letters in a case, on each database with a fixed clock: the letter's data from the case file, filing ODT and PDF
/// with the PDF's hash and an audit entry, kinds that do not fit refused with the reason, sending by e-mail through the
/// real SMTP test server with the PDF attached (and once only), and the page: list, downloads, refusals, readers.
/// </summary>
[Trait("Category", "Database")]
public abstract class CaseLetterTests : IAsyncLifetime, IDisposable
{
    private const string Password = "correct horse battery staple";
    private const string Handler = "sachbearbeitung@aufsicht.example";
    private const string FileNumber = "LfDI-2026-0042";

    // Monday 14 December 2026, 10:00 in Berlin: a hearing letter posted today is notified on Friday 18 December (four
    // days, § 41(2) VwVfG); two weeks later is Friday 1 January 2027, New Year's Day, so the period ends on Monday 4 January.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.Zero));
    private readonly SmtpTestServer _smtp = new();
    private AppServer _server = null!;
    private long _body;
    private long _case;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        string[] database = Database == "postgres" ? ["--database", PostgresServer.NewDatabase()] : [];
        _server = await AppServer.StartAsync(_clock, [.. database, .. _smtp.AppArgs("--Aufsicht:Cases:State=MV")]);
        await _server.CreateUserAsync(Handler, Password, "Supervisor");
        await _server.CreateUserAsync("leitung@aufsicht.example", Password, "Reader");
        var handler = _server.Db(db => db.Users.Single(u => u.Email == Handler).Id);
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
        _body = await CaseRows.BodyAsync(db, "Grundschule Am Inselsee");
        var body = await db.Bodies.SingleAsync(b => b.Id == _body);
        body.ContactName = "Frau Dr. Anna Beispiel";
        body.ContactEmail = "schule@example.org";
        _case = await CaseRows.CaseAsync(db, _body, FileNumber, CaseState.Opened, handler);
        db.CaseInfringements.AddRange(
            new CaseInfringementRecord { CaseId = _case, Criterion = "L01", Level = "red", Articles = "Art. 28(3)", Tier = "83(4)" },
            new CaseInfringementRecord { CaseId = _case, Criterion = "L02", Level = "yellow", Articles = "Art. 32(1); Art. 5(1)(f)", Tier = "83(5)" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _smtp.Dispose();
        GC.SuppressFinalize(this);
    }

    private static KeyValuePair<string, string> F(string name, string value) => KeyValuePair.Create(name, value);

    private async Task<T> WithLettersAsync<T>(Func<CaseLetters, Task<T>> action)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CaseLetters>());
    }

    private async Task ChangeCaseAsync(Action<CaseRecord> change)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
        change(await db.Cases.SingleAsync(c => c.Id == _case));
        await db.SaveChangesAsync();
    }

    private async Task LetterheadAsync()
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
        db.Letterhead.Add(new LetterheadRecord
        {
            Id = 1,
            AuthorityName = "Der Landesbeauftragte für Datenschutz Mecklenburg-Vorpommern",
            Address = "Werderstraße 74a\n19055 Schwerin",
            Contact = "Telefon: 0385 59494-0",
            Seat = "Schwerin",
            Court = "Verwaltungsgericht Schwerin",
            UpdatedAt = _clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
    }

    private static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [Fact]
    public async Task DataAsync_HearingFromTheCase_FillsTheFileNumberArticlesAndADeadlineAcrossNewYear()
    {
        var data = await WithLettersAsync(l => l.DataAsync(_case, LetterKind.Hearing, Language.De, null, CancellationToken.None));

        Assert.True(data.IsOk, string.Join("; ", data.Errors.Select(e => e.Key)));
        var d = data.Value;
        Assert.Equal(FileNumber, d.FileNumber);
        Assert.Equal(new DateOnly(2026, 12, 14), d.Date);
        Assert.Equal(("Grundschule Am Inselsee", "Frau Dr. Anna Beispiel"), (d.Body.Name, d.Body.ContactPerson));
        Assert.Empty(d.Body.AddressLines);
        Assert.Equal((Handler, "Sachbearbeitung"), (d.Handler.Name, d.Handler.Function));
        Assert.Equal([("L01", "Art. 28(3)"), ("L02", "Art. 32(1), Art. 5(1)(f)")], d.Infringements.Select(i => (i.Criterion, string.Join(", ", i.Articles))));
        Assert.Contains("ist nicht erfüllt", d.Infringements[0].Finding, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 1, 4), d.Deadline!.End);
        Assert.Equal("2 Wochen", d.Deadline.Period);
        Assert.Contains("01.01.2027", d.Deadline.Computation, StringComparison.Ordinal);
        Assert.Contains("04.01.2027", d.Deadline.Computation, StringComparison.Ordinal);
        Assert.DoesNotContain("2027-01-04", d.Deadline.Computation, StringComparison.Ordinal);
        // Before a decision the hearing names the measure recommended.
        Assert.NotEmpty(d.Measure!.Powers);
        Assert.Contains("L01", d.Facts, StringComparison.Ordinal);
        Assert.Null(d.Fine);
    }

    [Fact]
    public async Task DataAsync_OrderInEnglish_ComplianceDeadlineAndOneOrderPerInfringement()
    {
        await ChangeCaseAsync(c => (c.State, c.Measure, c.ComplianceDeadline, c.DecidedAt) = (CaseState.Decided, "58(2)(d)", new DateOnly(2027, 2, 1), c.OpenedAt));
        await LetterheadAsync();

        var data = await WithLettersAsync(l => l.DataAsync(_case, LetterKind.Order, Language.En, null, CancellationToken.None));

        Assert.True(data.IsOk, string.Join("; ", data.Errors.Select(e => e.Key)));
        Assert.Equal(new DateOnly(2027, 2, 1), data.Value.Deadline!.End);
        Assert.Equal(["Art. 58(2)(d)"], data.Value.Measure!.Powers);
        Assert.Equal(2, data.Value.Measure.Orders.Count);
        Assert.All(data.Value.Measure.Orders, o => Assert.StartsWith("The processing is to be changed", o, StringComparison.Ordinal));
        Assert.Equal("Case officer", data.Value.Handler.Function);
        Assert.Equal("Schwerin", data.Value.Authority.Seat);
    }

    [Fact]
    public async Task FileAsync_Hearing_FilesOdtAndPdfWhoseHashMatches_AndWritesTheAuditEntry()
    {
        var filed = await WithLettersAsync(l => l.FileAsync(_case, LetterKind.Hearing, Language.De, null, Handler, CancellationToken.None));

        Assert.True(filed.IsOk, string.Join("; ", filed.Errors.Select(e => e.Key)));
        var stored = _server.Db(db => db.CaseDocuments.AsNoTracking().Single(d => d.CaseId == _case));
        Assert.Equal(("hearing", "de", "Anhörung vom 14.12.2026", Handler), (stored.Kind, stored.Language, stored.Title, stored.CreatedBy));
        Assert.Null(stored.SentAt);
        Assert.Equal(LetterOutput.Sha256(stored.Pdf), stored.Sha256);
        Assert.Equal("PK"u8.ToArray(), stored.Odt![..2]);
        var text = PdfText(stored.Pdf);
        Assert.Contains(FileNumber, text, StringComparison.Ordinal);
        Assert.Contains("Inselsee", text, StringComparison.Ordinal);
        Assert.Contains("04.01.2027", text, StringComparison.Ordinal);
        var audit = _server.Db(db => db.AuditLog.AsNoTracking().Single(a => a.CaseId == _case && a.Action == "case.letter"));
        using var json = JsonDocument.Parse(audit.DataJson);
        Assert.Equal((Handler, stored.Sha256, "hearing", "de"),
            (audit.Actor, json.RootElement.GetProperty("sha256").GetString(), json.RootElement.GetProperty("kind").GetString(), json.RootElement.GetProperty("language").GetString()));
    }

    [Fact]
    public async Task FileAsync_KindsThatDoNotFit_AreRefusedNamingTheProblem_AndNothingIsFiled()
    {
        async Task<string> RefusedAsync(LetterKind kind)
        {
            var result = await WithLettersAsync(l => l.FileAsync(_case, kind, Language.De, null, Handler, CancellationToken.None));
            Assert.False(result.IsOk);
            return result.Errors[0].Key;
        }

        // A public school may not be fined (§ 43(3) BDSG; MV's law likewise).
        Assert.Equal("case.letter.fineInadmissible", await RefusedAsync(LetterKind.FineHearing));
        Assert.Equal("case.letter.fineInadmissible", await RefusedAsync(LetterKind.FineNotice));
        Assert.Equal("case.letter.notDecided", await RefusedAsync(LetterKind.Order));
        Assert.Equal("case.letter.notClosed", await RefusedAsync(LetterKind.Closing));

        // A reprimand decided, but the letterhead lacks seat and court for the instruction on legal remedies.
        await ChangeCaseAsync(c => (c.State, c.Measure, c.DecidedAt) = (CaseState.Decided, "58(2)(b)", c.OpenedAt));
        Assert.Equal("case.letter.notDecidedAs", await RefusedAsync(LetterKind.Order));
        Assert.Equal("case.letter.letterheadIncomplete", await RefusedAsync(LetterKind.Reprimand));
        var message = Features.Shared.Failures.Message(
            (await WithLettersAsync(l => l.FileAsync(_case, LetterKind.Reprimand, Language.De, null, Handler, CancellationToken.None))).Errors[0], Language.De);
        Assert.StartsWith("Briefkopf unvollständig: Es fehlt Sitz der Behörde, zuständiges Verwaltungsgericht.", message, StringComparison.Ordinal);
        Assert.Contains("/verfahren/briefkopf", message, StringComparison.Ordinal);
        Assert.Equal(0, _server.Db(db => db.CaseDocuments.Count()));
        Assert.Equal(0, _server.Db(db => db.AuditLog.Count(a => a.Action == "case.letter")));

        await LetterheadAsync();
        Assert.True((await WithLettersAsync(l => l.FileAsync(_case, LetterKind.Reprimand, Language.De, null, Handler, CancellationToken.None))).IsOk);
    }

    [Fact]
    public async Task FileAsync_TemplateThatNoLongerRenders_IsRefusedWithItsErrors()
    {
        _server.Db(db =>
        {
            db.LetterTemplates.Add(new LetterTemplateRecord { Kind = "hearing", Language = "de", Text = "# Betreff {{ nicht_da }}\n\nHallo,\n\nText\n\nGruß", UpdatedAt = DateTime.UtcNow, UpdatedBy = Handler, Revision = 1 });
            return db.SaveChanges();
        });

        var result = await WithLettersAsync(l => l.FileAsync(_case, LetterKind.Hearing, Language.De, null, Handler, CancellationToken.None));

        Assert.False(result.IsOk);
        Assert.Equal("case.letter.templateBroken", result.Errors[0].Key);
        Assert.Contains(result.Errors, e => e.Key == "letters.template.unknown");
        Assert.Equal(0, _server.Db(db => db.CaseDocuments.Count()));
    }

    [Fact]
    public async Task SendAsync_ByEmail_QueuesOneMessageWithThePdfAttached_AndASecondSendIsRefused()
    {
        var filed = await WithLettersAsync(l => l.FileAsync(_case, LetterKind.Hearing, Language.De, null, Handler, CancellationToken.None));
        var id = filed.Value.Id;

        var sent = await WithLettersAsync(l => l.SendAsync(id, "email", Handler, CancellationToken.None));
        var again = await WithLettersAsync(l => l.SendAsync(id, "post", Handler, CancellationToken.None));

        Assert.True(sent.IsOk, string.Join("; ", sent.Errors.Select(e => e.Key)));
        Assert.Equal("case.letter.alreadySent", Assert.Single(again.Errors).Key);
        var outbox = Assert.Single(_server.Db(db => db.Outbox.AsNoTracking().Where(o => o.Kind == CaseLetters.OutboxKind).ToList()));
        Assert.Equal(("schule@example.org", (long?)id), (outbox.To, outbox.CaseDocumentId));
        Assert.Contains(FileNumber, outbox.Subject, StringComparison.Ordinal);
        var document = _server.Db(db => db.CaseDocuments.AsNoTracking().Single(d => d.Id == id));
        Assert.Equal(("email", (long?)outbox.Id), (document.Channel, document.OutboxId));
        Assert.NotNull(document.SentAt);
        Assert.Equal(1, _server.Db(db => db.AuditLog.Count(a => a.CaseId == _case && a.Action == "case.letter.sent")));

        // Through the real SMTP server: the worker waits on the fake clock, so the clock moves on as the wall clock does.
        var until = DateTime.UtcNow.AddSeconds(60);
        while (_smtp.Received.Count == 0 && DateTime.UtcNow < until)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            _server.Services.GetRequiredService<Features.Mail.OutboxSignal>().Notify();
            await Task.Delay(100);
        }

        var message = Assert.Single(_smtp.Received);
        Assert.Contains("im Verfahren mit dem Aktenzeichen " + FileNumber, message.TextBody, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal(("application/pdf", "hearing-LfDI-2026-0042.pdf"), (attachment.ContentType.MimeType, attachment.FileName));
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes);
        Assert.Equal(document.Sha256, LetterOutput.Sha256(bytes.ToArray()));
    }

    [Fact]
    public async Task SendAsync_BodyWithoutEmail_IsRefused_ButPostIsRecorded()
    {
        _server.Db(db => db.Bodies.Where(b => b.Id == _body).ExecuteUpdate(s => s.SetProperty(b => b.ContactEmail, (string?)null)));
        var id = (await WithLettersAsync(l => l.FileAsync(_case, LetterKind.Hearing, Language.De, null, Handler, CancellationToken.None))).Value.Id;

        var email = await WithLettersAsync(l => l.SendAsync(id, "email", Handler, CancellationToken.None));
        var post = await WithLettersAsync(l => l.SendAsync(id, "post", Handler, CancellationToken.None));

        Assert.Equal("case.letter.noEmail", Assert.Single(email.Errors).Key);
        Assert.True(post.IsOk);
        var document = _server.Db(db => db.CaseDocuments.AsNoTracking().Single(d => d.Id == id));
        Assert.Equal(("post", (long?)null), (document.Channel, document.OutboxId));
        Assert.Equal(0, _server.Db(db => db.Outbox.Count()));
    }

    [Fact]
    public async Task Page_FilesListsAndDownloads_AndRefusesBadInputAndAReader()
    {
        var page = $"/verfahren/{_case}/schreiben";
        using var handler = _server.NewSession();
        await handler.LoginAsync(Handler, Password);

        var (status, html, _) = await handler.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Schreiben im Verfahren {FileNumber}", html, StringComparison.Ordinal);
        Assert.Contains("In diesem Verfahren ist noch kein Schreiben abgelegt.", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"hearing\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"order\"", html, StringComparison.Ordinal);

        var bad = await handler.PostFormAsync(page, page + "?handler=File", [F("kind", "bogus"), F("language", "fr"), F("facts", "x")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Bitte eine Art des Schreibens wählen.", bad.Body, StringComparison.Ordinal);
        Assert.Contains("Bitte Deutsch oder Englisch", bad.Body, StringComparison.Ordinal);
        var refused = await handler.PostFormAsync(page, page + "?handler=File", [F("kind", "closing"), F("language", "de")]);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("Ein Abschlussschreiben passt erst", refused.Body, StringComparison.Ordinal);
        Assert.Equal(0, _server.Db(db => db.CaseDocuments.Count()));

        var preview = await handler.PostFormAsync(page, page + "?handler=Preview", [F("kind", "hearing"), F("language", "de"), F("facts", "Vorschau-Sachverhalt")]);
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal(0, _server.Db(db => db.CaseDocuments.Count()));

        var filed = await handler.PostFormAsync(page, page + "?handler=File",
            [F("kind", "hearing"), F("language", "en"), F("facts", "The school uses a service without an agreement."), F("statement", ""), F("discretion", "x"), F("evidence", "y"), F("closingReason", "")]);
        Assert.Equal(HttpStatusCode.Redirect, filed.Status);
        var document = _server.Db(db => db.CaseDocuments.AsNoTracking().Single());
        Assert.Equal(("en", "Hearing of 14 Dec 2026"), (document.Language, document.Title));
        Assert.Contains("The school uses a service without an agreement.", PdfText(document.Pdf), StringComparison.Ordinal);

        var listed = await handler.GetAsync(page);
        Assert.Contains("Hearing of 14 Dec 2026", listed.Body, StringComparison.Ordinal);
        Assert.Contains(document.Sha256, listed.Body, StringComparison.Ordinal);
        Assert.Contains("Per E-Mail senden", listed.Body, StringComparison.Ordinal);

        using var client = new HttpClient(new HttpClientHandler { CookieContainer = handler.Cookies }) { BaseAddress = _server.Address };
        using (var pdf = await client.GetAsync($"{page}?handler=Download&document={document.Id}&format=pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            Assert.Equal(("attachment", "hearing-LfDI-2026-0042.pdf"), (pdf.Content.Headers.ContentDisposition?.DispositionType, pdf.Content.Headers.ContentDisposition?.FileName));
            Assert.Equal(document.Sha256, LetterOutput.Sha256(await pdf.Content.ReadAsByteArrayAsync()));
        }

        var odt = await handler.DownloadAsync($"{page}?handler=Download&document={document.Id}&format=odt");
        Assert.Equal((HttpStatusCode.OK, LetterOutput.OdtMediaType), (odt.Status, odt.ContentType));
        Assert.Equal(document.Odt, odt.Content);

        var posted = await handler.PostFormAsync(page, page + "?handler=Send", [F("document", document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), F("channel", "post")]);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var twice = await handler.PostFormAsync(page, page + "?handler=Send", [F("document", document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), F("channel", "email")]);
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);
        Assert.Contains("schon versandt", twice.Body, StringComparison.Ordinal);
        Assert.Equal(0, _server.Db(db => db.Outbox.Count()));

        using var reader = _server.NewSession();
        await reader.LoginAsync("leitung@aufsicht.example", Password);
        var seen = await reader.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, seen.Status);
        Assert.DoesNotContain("Schreiben erstellen", seen.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.DownloadAsync($"{page}?handler=Download&document={document.Id}&format=pdf")).Status);
        var forbidden = await reader.PostFormAsync("/verfahren", page + "?handler=File", [F("kind", "hearing"), F("language", "de")]);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Equal(1, _server.Db(db => db.CaseDocuments.Count()));

        using var anonymous = _server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(page)).Status);
    }
}
