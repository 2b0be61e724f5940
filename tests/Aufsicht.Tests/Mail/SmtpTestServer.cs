using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Aufsicht.Tests.Mail;

/// <summary>
/// A real SMTP server on a free loopback port that keeps what it receives, and can be told to fail for a while (4xx)
/// or to refuse addresses for good (550): the process edge the outbox talks to.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly ConcurrentDictionary<string, int> _recipientAttempts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _rejected = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _busy = new(StringComparer.OrdinalIgnoreCase);

    public SmtpTestServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>When set, MAIL FROM is answered with this temporary code (421 closes the connection, 451 does not).</summary>
    public int? TemporaryFailure { get; set; }

    /// <summary>How long accepting one message takes: makes "stopped half-way" reachable.</summary>
    public TimeSpan Delay { get; set; }

    public IReadOnlyList<MimeMessage> Received => [.. _received];

    /// <summary>How many times each address was offered in RCPT TO, accepted or not.</summary>
    public int RecipientAttempts(string address) => _recipientAttempts.GetValueOrDefault(address);

    public void Reject(string address) => _rejected[address] = true;

    /// <summary>RCPT TO this address is answered 450 (mailbox busy, try later) until <paramref name="busy"/> is false.</summary>
    public void Busy(string address, bool busy = true)
    {
        if (busy)
        {
            _busy[address] = true;
        }
        else
        {
            _busy.TryRemove(address, out _);
        }
    }

    /// <summary>The settings that point the app at this server.</summary>
    public string[] AppArgs(params string[] more) =>
    [
        "--Aufsicht:Mail:Host=127.0.0.1", $"--Aufsicht:Mail:Port={Port}", "--Aufsicht:Mail:From=Datenschutzaufsicht <aufsicht@behoerde.example>",
        "--Aufsicht:Mail:PollSeconds=1", "--Aufsicht:Mail:RetryBaseSeconds=1", .. more,
    ];

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _running.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Cancelled while listening: that is how it stops.
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(SmtpTestServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.Delay > TimeSpan.Zero)
            {
                await Task.Delay(server.Delay, cancellationToken);
            }

            using var stream = new MemoryStream(buffer.ToArray());
            server._received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(SmtpTestServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            server.TemporaryFailure is { } code
                ? throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)code, "try again later"), code == 421)
                : Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var address = to.User + "@" + to.Host;
            server._recipientAttempts.AddOrUpdate(address, 1, (_, n) => n + 1);
            return server._rejected.ContainsKey(address)
                ? throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)550, "no such mailbox here"))
                : server._busy.ContainsKey(address)
                    ? throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)450, "mailbox busy"))
                    : Task.FromResult(true);
        }
    }
}
