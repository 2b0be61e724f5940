using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Aufsicht.Tests.Campaigns;
using Microsoft.Playwright;
using Xunit;

namespace Aufsicht.Tests.Web;

/// <summary>
/// Every form of the app with bad input, in a real browser with the German interface: each must answer with an error
/// message (its error summary, a <c>role="alert"</c> element or a field's error, not empty) and none of those messages may
/// be English or show an internal text key. The browser's own checks (required, type=date, maxlength, pattern) are
/// switched off before submitting, as a client without them would send the same.
/// Forms covered: sign-in (wrong password; empty fields); the catalogue's filter, the comparison's and a service's view
/// picker (date 31.02.2026); the catalogue fact edit (empty fields; date 31.02.2026; stale revision); new account (not
/// an e-mail address, password too short; address too long); second factor setup (wrong TOTP code); body import (a PDF,
/// not CSV/XLSX); a body's edit (region too long, bad e-mail; stale revision); questionnaire upload (broken JSON); new
/// campaign (empty title, date 31.02.2026, bad reminder days; no body matching); the campaign's e-mail
/// templates of a draft (unknown placeholder); re-evaluation (date 31.02.2026); the respondent portal (a number that is
/// none; submitting an incomplete response).
/// Not covered: the sign-in code page (needs an account with a second factor), first-run setup (only without accounts),
/// the buttons without fields (close, retry, reissue, revoke, lock).
/// One server and one browser for the whole walk; every case is checked, and the failures are listed together.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class GermanFormsBrowserTests : IAsyncLifetime
{
    private const string Admin = "verwaltung@aufsicht.example";
    private const string BadDate = "31.02.2026";
    private AppServer _server = null!;
    private HeadlessChromium _browser = null!;
    private long _campaign;
    private string _draft = null!;
    private string _respondLink = null!;
    private readonly List<string> _failures = [];

    /// <summary>Words and phrases of English messages; none occurs in a German one.</summary>
    private static readonly string[] EnglishMarkers =
    [
        "the", "is", "are", "must", "expected", "not", "invalid", "cannot", "please", "should", "required", "allowed",
        "missing", "unknown", "error", "failed", "line", "column", "value", "wrong", "empty", "too long", "at most", "at least",
    ];

    public async Task InitializeAsync()
    {
        _server = await SurveyServer.StartAsync("sqlite");
        await _server.CreateUserAsync(Admin, SurveyServer.Password, "Administrator");
        using var session = _server.NewSession();
        await session.LoginAsync(Admin, SurveyServer.Password);
        var (id, links) = await _server.StartCampaignAsync(session, "Umfrage zur Prüfung");
        _campaign = id;
        _respondLink = links["schule@example.org"];
        var questionnaire = _server.Db(db => db.Questionnaires.Single(q => q.Key == "videokonferenz").Id).ToString(CultureInfo.InvariantCulture);
        var (_, _, location) = await session.PostFormAsync("/umfragen", "/umfragen",
            [new("title", "Entwurf zur Prüfung"), new("questionnaire", questionnaire), new("deadline", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        _draft = location!.OriginalString;
        _browser = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _server.DisposeAsync();
    }

    [GeneratedRegex(@"\b[a-z]+\.[a-z]+[A-Z.]")]
    private static partial Regex InternalKey();

    [Fact]
    public async Task EveryForm_BadInput_AnswersWithGermanMessagesOnly()
    {
        var context = await _browser.NewContextAsync("de-DE");
        var page = await context.NewPageAsync();

        // Signed out.
        await CaseAsync(page, "Anmeldung, falsches Passwort", "/anmelden", "form.stacked:not([action])", new() { ["email"] = Admin, ["password"] = "falsches Passwort 123" });
        await CaseAsync(page, "Anmeldung, leere Felder", "/anmelden", "form.stacked:not([action])", new() { ["email"] = "", ["password"] = "" });

        // Signed in as an administrator, in German.
        await page.GotoAsync(Url("/anmelden"));
        await page.GetByLabel("E-Mail-Adresse").FillAsync(Admin);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(SurveyServer.Password);
        await NavigatedByAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync());

        await CaseAsync(page, "Katalog-Filter, Stichtag", "/", "form.filters", new() { ["asOf"] = BadDate });
        await CaseAsync(page, "Vergleich, Stichtag", "/vergleich", "form.filters", new() { ["asOf"] = BadDate });
        await CaseAsync(page, "Dienst, Stichtag", "/katalog/zoom", "form.filters", new() { ["asOf"] = BadDate });

        const string Edit = "/katalog/zoom/bearbeiten?fact=contract.ownPurposes";
        await CaseAsync(page, "Katalog bearbeiten, leere Felder", Edit, "form.stacked", new() { ["factsAsOf"] = "", ["sourceUrl"] = "", ["sourceSeen"] = "", ["reason"] = "" });
        await CaseAsync(page, "Katalog bearbeiten, Datum 31.02.", Edit, "form.stacked", FactEdit(BadDate));
        await StaleAsync(page, "Katalog bearbeiten, veraltete Fassung", Edit, "form.stacked", FactEdit("2020-07-03"));

        await CaseAsync(page, "Neues Konto, keine Adresse, kurzes Passwort", "/verwaltung/konten", "form[action*='handler=Create']", new() { ["email"] = "keine-adresse", ["password"] = "kurz" });
        await CaseAsync(page, "Neues Konto, Adresse zu lang", "/verwaltung/konten", "form[action*='handler=Create']", new() { ["email"] = new string('a', 300) + "@schule.example", ["password"] = SurveyServer.Password });
        await CaseAsync(page, "Zweiter Faktor, falscher Code", "/konto", "form[action*='handler=Enable']", new() { ["code"] = "000000" });

        await CaseAsync(page, "Organisationen importieren, kein CSV", "/organisationen/import", "form[enctype='multipart/form-data']", [],
            before: p => p.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "Bericht.PDF", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4 kein CSV") }));
        var body = _server.Db(db => db.Bodies.Single(b => b.ExternalId == "S-1").Id).ToString(CultureInfo.InvariantCulture);
        await CaseAsync(page, "Organisation bearbeiten, Region zu lang, falsche Adresse", "/organisationen/" + body, "form.stacked", new() { ["region"] = new string('x', 101), ["contactEmail"] = "keine-adresse" });
        await StaleAsync(page, "Organisation bearbeiten, veraltete Fassung", "/organisationen/" + body, "form.stacked", new() { ["region"] = "Nordwestmecklenburg-Süd" });

        await CaseAsync(page, "Fragebogen hochladen, kaputtes JSON", "/fragebogen", "form[enctype='multipart/form-data']", [],
            before: p => p.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "Fragebogen.JSON", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes("{ \"key\": \"kaputt\", ") }));

        await CaseAsync(page, "Neue Umfrage, leerer Titel, Frist 31.02.", "/umfragen", "form.stacked", new() { ["title"] = "", ["deadline"] = BadDate, ["reminders"] = "sieben" });
        var deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await CaseAsync(page, "Neue Umfrage ohne Organisationen", "/umfragen", "form.stacked", new() { ["title"] = "Leere Umfrage", ["deadline"] = deadline, ["state"] = "HH" });
        await CaseAsync(page, "E-Mail-Vorlagen, unbekannte Variable", _draft, "form.templates-form", [],
            before: p => p.EvaluateAsync("() => { const f = document.querySelector('form.templates-form input[type=text], form.templates-form input:not([type])'); f.value = f.value + ' {{ unbekannt }}'; }"));
        await CaseAsync(page, "Neu bewerten, Stichtag 31.02.", $"/umfragen/{_campaign}/neu-bewerten", "form.stacked", new() { ["asOf"] = BadDate });

        // The respondent portal: the invitation link, no account.
        await CaseAsync(page, "Antworten, Nutzerzahl keine Zahl", _respondLink + "?abschnitt=0", "form.survey", new() { ["a:usesVideo"] = "yes", ["a:users"] = "viele" }, button: "button[value=next]");
        // A draft saved with nothing answered, then submitted.
        await page.GotoAsync(Url(_respondLink + "?abschnitt=0"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await SubmitAsync(page, "form.survey", [], "button[value=save]");
        await CaseAsync(page, "Antworten, unvollständig absenden", _respondLink, "form:has(button[value=submit])", [], button: "button[value=submit]");

        Assert.True(_failures.Count == 0, "forms that answered bad input wrongly:\n" + string.Join("\n", _failures));
    }

    private static Dictionary<string, string> FactEdit(string factsAsOf) => new()
    {
        ["fact"] = "contract.ownPurposes=excluded",
        ["factsAsOf"] = factsAsOf,
        ["sourceUrl"] = "https://example.org/vertrag",
        ["sourceSeen"] = "2026-11-01",
        ["reason"] = "Vertrag zur Prüfung geändert",
        ["passage"] = "Der Anbieter verarbeitet die Daten nicht zu eigenen Zwecken.",
    };

    private string Url(string path) => new Uri(_server.Address, path).ToString();

    /// <summary>Opens the form, has the same form saved meanwhile (a second tab), then submits the first: a stale revision.</summary>
    private async Task StaleAsync(IPage page, string label, string path, string form, Dictionary<string, string> values)
    {
        await page.GotoAsync(Url(path), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(Url(path), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await SubmitAsync(other, form, values, button: null);
        var saved = await ErrorTextAsync(other);
        await other.CloseAsync();
        if (saved.Length > 0)
        {
            _failures.Add($"{label}: the change in the second tab was refused: {saved}");
            return;
        }

        await SubmitAsync(page, form, values, button: null);
        Check(label, await ErrorTextAsync(page));
    }

    private async Task CaseAsync(IPage page, string label, string path, string form, Dictionary<string, string> values, string? button = null, Func<IPage, Task>? before = null)
    {
        var response = await page.GotoAsync(Url(path), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        if (response is null || !response.Ok || await page.Locator(form).CountAsync() == 0)
        {
            _failures.Add($"{label}: {path} did not show the form ({response?.Status})");
            return;
        }

        if (before is not null)
        {
            await before(page);
        }

        await SubmitAsync(page, form, values, button);
        Check(label, await ErrorTextAsync(page));
    }

    private void Check(string label, string errors)
    {
        if (errors.Length == 0)
        {
            _failures.Add($"{label}: no error message");
            return;
        }

        var english = EnglishMarkers.Where(m => Regex.IsMatch(errors, $@"\b{Regex.Escape(m)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToList();
        if (english.Count > 0)
        {
            _failures.Add($"{label}: English ({string.Join(", ", english)}): {errors}");
        }

        // The e-mail templates' variables are dotted names too, and rightly listed in their messages.
        var withoutVariables = Aufsicht.Features.Mail.MailTemplates.Variables.Aggregate(errors, (text, variable) => text.Replace(variable, "", StringComparison.Ordinal));
        if (InternalKey().Match(withoutVariables) is { Success: true } key)
        {
            _failures.Add($"{label}: internal key {key.Value}: {errors}");
        }
    }

    /// <summary>Fills the fields as a client without the browser's checks would send them, and submits with the button.</summary>
    private static Task SubmitAsync(IPage page, string form, Dictionary<string, string> values, string? button) =>
        NavigatedByAsync(page, () => page.EvaluateAsync(
                """
                ([selector, values, button]) => {
                    const form = document.querySelector(selector);
                    form.noValidate = true;
                    for (const element of form.querySelectorAll('[required],[maxlength],[minlength],[pattern]')) {
                        element.removeAttribute('required');
                        element.removeAttribute('maxlength');
                        element.removeAttribute('minlength');
                        element.removeAttribute('pattern');
                    }
                    for (const [name, value] of Object.entries(values)) {
                        for (const element of form.querySelectorAll(`[name="${name}"]`)) {
                            if (element.tagName === 'SELECT') {
                                if (![...element.options].some(o => o.value === value)) {
                                    element.add(new Option(value, value));
                                }
                            } else if (element.type === 'radio' || element.type === 'checkbox') {
                                element.checked = element.value === value;
                                element.dispatchEvent(new Event('change', { bubbles: true }));
                                continue;
                            } else if (element.tagName === 'INPUT' && !['hidden', 'file'].includes(element.type)) {
                                element.type = 'text';
                            }
                            element.disabled = false;
                            element.value = value;
                        }
                    }
                    const submit = button ? form.querySelector(button) : form.querySelector('button[type=submit], button:not([type])');
                    form.requestSubmit(submit);
                }
                """,
                new object?[] { form, values, button }));

    /// <summary>Runs an action that leaves the page, and waits until the next document is parsed (the mark set on this one is gone).</summary>
    private static async Task NavigatedByAsync(IPage page, Func<Task> action)
    {
        await page.EvaluateAsync("() => { window.leaving = true; }");
        await action();
        await page.WaitForFunctionAsync("() => window.leaving === undefined && document.readyState !== 'loading'");
    }

    /// <summary>The visible text of every error element: summaries, alerts and fields' messages.</summary>
    private static Task<string> ErrorTextAsync(IPage page) =>
        page.EvaluateAsync<string>("() => [...document.querySelectorAll('[role=alert], .errors, .error')].map(e => e.innerText.trim()).filter(t => t).join(' | ')");
}
