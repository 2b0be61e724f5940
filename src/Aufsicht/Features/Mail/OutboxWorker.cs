using System.Net.Sockets;
using Aufsicht.Data;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using MimeKit.Text;

namespace Aufsicht.Features.Mail;

/// <summary>
/// Sends the outbox: picks due messages, claims each with a conditional update (so instances sharing one database
/// never send the same row at the same time), sends it over one SMTP connection per batch, and records the outcome.
/// </summary>
/// <remarks>
/// A crash (or a lost database connection) between the server's acceptance and the update to "sent" leaves the row
/// claimed; when the claim expires it is sent once more. That window cannot be closed without a transaction spanning
/// the SMTP server and the database; the fixed Message-ID lets the receiving side recognise the repeat
/// (docs/adr/0007-mail-outbox.md).
/// </remarks>
internal sealed partial class OutboxWorker(
    IServiceScopeFactory scopes, MailSettings settings, OutboxSignal signal, TimeProvider time, ILogger<OutboxWorker> logger) : BackgroundService
{
    private const int BatchSize = 50;

    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
    private readonly Queue<DateTimeOffset> _recentSends = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            MailLog.SendingDisabled(logger);
            return;
        }

        MailLog.Started(logger, settings.Host!, settings.Port, _instance);
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await RunBatchAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // E.g. the database is away for a moment: the rows are safe where they are; try again at the next poll.
                // Whatever it is, it must not stop the web application this worker runs in.
                MailLog.BatchFailed(logger, e.GetType().Name, e.Message);
            }

            try
            {
                if (!more)
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(settings.PollSeconds), time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Sends what is due now; true when a full batch went through and more may be waiting.</summary>
    private async Task<bool> RunBatchAsync(CancellationToken stoppingToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
            var now = Now();
            var due = await db.Outbox.AsNoTracking()
                .Where(o => o.State == OutboxState.Pending && o.NotBefore <= now && (o.ClaimedUntil == null || o.ClaimedUntil < now))
                .OrderBy(o => o.NotBefore).ThenBy(o => o.Id)
                .Select(o => o.Id)
                .Take(BatchSize)
                .ToListAsync(stoppingToken).ConfigureAwait(false);
            if (due.Count == 0)
            {
                return false;
            }

            SmtpClient? client = null;
            try
            {
                var sent = 0;
                foreach (var id in due)
                {
                    // Between messages, not during one: a message being sent is finished and recorded before stopping.
                    if (stoppingToken.IsCancellationRequested)
                    {
                        return false;
                    }

                    await WaitForRateAsync(db, stoppingToken).ConfigureAwait(false);
                    var message = await ClaimAsync(db, id).ConfigureAwait(false);
                    if (message is null)
                    {
                        continue; // another instance has it, or it was sent meanwhile
                    }

                    var attachment = message.CaseDocumentId is { } document ? await AttachmentAsync(db, document).ConfigureAwait(false) : null;
                    var outcome = await SendAsync(message, attachment, client).ConfigureAwait(false);
                    client = outcome.Client;
                    await RecordAsync(db, message, outcome).ConfigureAwait(false);
                    if (outcome.Kind == OutcomeKind.Sent)
                    {
                        sent++;
                    }
                    else if (outcome.Kind == OutcomeKind.Temporary)
                    {
                        // The server is unwell: let the rest of the batch wait for the next poll instead of failing them all now.
                        return false;
                    }
                }

                return due.Count == BatchSize && sent > 0;
            }
            finally
            {
                if (client is not null)
                {
                    await CloseAsync(client).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task<OutboxRecord?> ClaimAsync(AufsichtDb db, long id)
    {
        var now = Now();
        var until = now.AddSeconds(settings.ClaimSeconds);
        // The same conditions as the query, checked again by the database in the update itself: of two instances that
        // picked the same row, exactly one updates it (PostgreSQL re-checks the WHERE after the other's commit).
        var claimed = await db.Outbox
            .Where(o => o.Id == id && o.State == OutboxState.Pending && o.NotBefore <= now && (o.ClaimedUntil == null || o.ClaimedUntil < now)
                // A link revoked since the message was queued is not sent (revoking also takes it out of the queue).
#pragma warning disable RS0030 // Any inside the filter: translated to a SQL subquery
                && (o.InvitationId == null || db.Invitations.Any(i => i.Id == o.InvitationId && i.RevokedAt == null)))
#pragma warning restore RS0030
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedBy, _instance).SetProperty(o => o.ClaimedUntil, until), CancellationToken.None)
            .ConfigureAwait(false);
        return claimed == 1
            ? await db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id, CancellationToken.None).ConfigureAwait(false)
            : null;
    }

    /// <summary>The PDF of a filed case document and its download name, read when the message is composed; null when it is gone.</summary>
    private static async Task<Attachment?> AttachmentAsync(AufsichtDb db, long documentId)
    {
        var document = await db.CaseDocuments.AsNoTracking().Where(d => d.Id == documentId)
            .Join(db.Cases, d => d.CaseId, c => c.Id, (d, c) => new { d.Kind, d.Pdf, c.FileNumber })
            .SingleOrDefaultAsync(CancellationToken.None).ConfigureAwait(false);
        return document is null
            ? null
            : new Attachment(Letters.LetterKinds.TryParse(document.Kind, out var kind) ? Letters.LetterOutput.FileName(kind, document.FileNumber, "pdf") : $"document-{documentId}.pdf", document.Pdf);
    }

    private async Task<Outcome> SendAsync(OutboxRecord message, Attachment? attachment, SmtpClient? client)
    {
        if (!MailboxAddress.TryParse(message.To, out var to) || !to.Address.Contains('@', StringComparison.Ordinal))
        {
            return new Outcome(OutcomeKind.Rejected, $"not an e-mail address: {message.To}", client);
        }

        if (client is { IsConnected: false })
        {
            await CloseAsync(client).ConfigureAwait(false);
            client = null;
        }

        // The send is not cancelled by stopping: a message half-sent is the one case that could go out twice.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.ClaimSeconds / 2.0));
        try
        {
            client ??= await ConnectAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (IsConnectionTrouble(e) || e is SmtpCommandException)
        {
            // Whatever the server says before a message is under way (even a 5xx greeting) is about the server, not the address.
            return new Outcome(OutcomeKind.Temporary, Short($"{settings.Host}:{settings.Port}: {Describe(e)}"), null);
        }

        try
        {
            await client.SendAsync(Compose(message, to, attachment), timeout.Token).ConfigureAwait(false);
            return new Outcome(OutcomeKind.Sent, null, client);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode != SmtpErrorCode.SenderNotAccepted)
        {
            // Refused for good: the address (RCPT) or this message (DATA). MailKit resets the transaction, the connection stays usable.
            return new Outcome(OutcomeKind.Rejected, Short($"{(int)e.StatusCode} {e.Message}"), client);
        }
        catch (SmtpCommandException e)
        {
            // 4xx (also a busy mailbox, which MailKit reports as RecipientNotAccepted), or our sender address refused:
            // the latter is the operator's to fix (Aufsicht:Mail:From), not a reason to give up on the recipient.
            return new Outcome(OutcomeKind.Temporary, Short($"{(int)e.StatusCode} {e.Message}"), client);
        }
        catch (Exception e) when (IsConnectionTrouble(e))
        {
            // The connection is in an unknown state: the next message starts a new one.
            await CloseAsync(client).ConfigureAwait(false);
            return new Outcome(OutcomeKind.Temporary, Short($"{settings.Host}:{settings.Port}: {Describe(e)}"), null);
        }
    }

    private static bool IsConnectionTrouble(Exception e) =>
        e is SmtpProtocolException or IOException or SocketException or OperationCanceledException or TimeoutException
            or SslHandshakeException or AuthenticationException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or UnauthorizedAccessException;

    private static string Describe(Exception e) => e is OperationCanceledException ? "timed out" : e.Message;

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancel)
    {
        var client = new SmtpClient { Timeout = (int)settings.CommandTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, cancel).ConfigureAwait(false);
            if (settings.User is { } user)
            {
                await client.AuthenticateAsync(user, settings.Password!, cancel).ConfigureAwait(false);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private MimeMessage Compose(OutboxRecord record, MailboxAddress to, Attachment? attachment)
    {
        var message = new MimeMessage
        {
            // MimeKit adds the angle brackets itself.
            MessageId = record.MessageId.Trim('<', '>'),
            Subject = record.Subject,
            Date = time.GetUtcNow(),
        };
        message.From.Add(settings.Sender!.Clone());
        message.To.Add(to);
        // An automatic message (RFC 3834): out-of-office replies are not sent back to the authority.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new TextPart(TextFormat.Plain);
        body.SetText(System.Text.Encoding.UTF8, record.Body);
        if (attachment is null)
        {
            message.Body = body;
            return message;
        }

        // A letter sent by e-mail: the covering text and the filed PDF, byte for byte as its hash in the case file says.
        var pdf = new MimePart("application", "pdf")
        {
            Content = new MimeContent(new MemoryStream(attachment.Bytes, writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = attachment.FileName,
        };
        message.Body = new Multipart("mixed") { body, pdf };
        return message;
    }

    private async Task RecordAsync(AufsichtDb db, OutboxRecord message, Outcome outcome)
    {
        var now = Now();
        var row = db.Outbox.Where(o => o.Id == message.Id && o.State == OutboxState.Pending);
        switch (outcome.Kind)
        {
            case OutcomeKind.Sent:
                // The body may hold the invitation link: once sent, it is not kept (data minimisation).
                await row.ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.State, OutboxState.Sent)
                    .SetProperty(o => o.SentAt, now)
                    // As for every finished row, NotBefore holds the last attempt: the shared rate limit counts by it.
                    .SetProperty(o => o.NotBefore, now)
                    .SetProperty(o => o.Body, string.Empty)
                    .SetProperty(o => o.Attempts, o => o.Attempts + 1)
                    .SetProperty(o => o.LastError, (string?)null)
                    .SetProperty(o => o.ClaimedBy, (string?)null)
                    .SetProperty(o => o.ClaimedUntil, (DateTime?)null), CancellationToken.None).ConfigureAwait(false);
                _recentSends.Enqueue(time.GetUtcNow());
                MailLog.Sent(logger, message.Id, message.Kind, message.MessageId);
                break;
            case OutcomeKind.Rejected:
                // NotBefore of a finished row holds the time of its last attempt: the supervisors' list shows it.
                await row.ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.State, OutboxState.Rejected)
                    .SetProperty(o => o.Attempts, o => o.Attempts + 1)
                    .SetProperty(o => o.NotBefore, now)
                    .SetProperty(o => o.LastError, outcome.Error)
                    .SetProperty(o => o.ClaimedBy, (string?)null)
                    .SetProperty(o => o.ClaimedUntil, (DateTime?)null), CancellationToken.None).ConfigureAwait(false);
                _recentSends.Enqueue(time.GetUtcNow());
                MailLog.Rejected(logger, message.Id, outcome.Error!);
                break;
            default:
                var attempts = message.Attempts + 1;
                var last = attempts >= settings.MaxAttempts;
                await row.ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.State, last ? OutboxState.Failed : OutboxState.Pending)
                    .SetProperty(o => o.Attempts, attempts)
                    .SetProperty(o => o.NotBefore, last ? now : now + settings.BackOff(attempts))
                    .SetProperty(o => o.LastError, outcome.Error)
                    .SetProperty(o => o.ClaimedBy, (string?)null)
                    .SetProperty(o => o.ClaimedUntil, (DateTime?)null), CancellationToken.None).ConfigureAwait(false);
                if (last)
                {
                    MailLog.GaveUp(logger, message.Id, attempts, outcome.Error!);
                }
                else
                {
                    MailLog.WillRetry(logger, message.Id, attempts, settings.BackOff(attempts), outcome.Error!);
                }

                break;
        }
    }

    /// <summary>
    /// At most about <see cref="MailSettings.PerMinute"/> messages in any minute from all instances on this database
    /// together: first this instance's own count (no query needed once that alone is at the limit), then the messages
    /// every instance finished in the last minute (sent or refused; the index on state and NotBefore serves it). Two instances that
    /// look at the same moment may each send one more.
    /// </summary>
    private async Task WaitForRateAsync(AufsichtDb db, CancellationToken cancel)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            while (_recentSends.TryPeek(out var oldest) && oldest <= now.AddMinutes(-1))
            {
                _recentSends.Dequeue();
            }

            if (_recentSends.Count >= settings.PerMinute)
            {
                await Task.Delay(_recentSends.Peek().AddMinutes(1) - now, time, cancel).ConfigureAwait(false);
                continue;
            }

            var since = now.UtcDateTime.AddMinutes(-1);
            var finished = await db.Outbox.AsNoTracking()
                .Where(o => (o.State == OutboxState.Sent || o.State == OutboxState.Rejected) && o.NotBefore > since)
                .OrderBy(o => o.NotBefore)
                .Select(o => o.NotBefore)
                .Take(settings.PerMinute)
                .ToListAsync(cancel).ConfigureAwait(false);
            if (finished.Count < settings.PerMinute)
            {
                return;
            }

            var wait = finished[0].AddMinutes(1) - now.UtcDateTime;
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(100), time, cancel).ConfigureAwait(false);
        }
    }

    private static async Task CloseAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(true, quit.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or SmtpProtocolException or SmtpCommandException)
        {
            // Saying goodbye failed; the messages are recorded already.
        }
        finally
        {
            client.Dispose();
        }
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    /// <summary>One line for the supervisors' list and the log: no stack trace, no multi-line server banter.</summary>
    private static string Short(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= 500 ? line : line[..500];
    }

    private enum OutcomeKind
    {
        Sent,
        Rejected,
        Temporary,
    }

    private sealed record Outcome(OutcomeKind Kind, string? Error, SmtpClient? Client);

    private sealed record Attachment(string FileName, byte[] Bytes);
}
