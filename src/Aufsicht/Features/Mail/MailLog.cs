namespace Aufsicht.Features.Mail;

/// <summary>The outbox's log events.</summary>
internal static partial class MailLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning,
        Message = "E-mail sending is off: no Aufsicht:Mail:Host is set. Messages wait in the outbox until a mail server is configured.")]
    public static partial void SendingDisabled(ILogger logger);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Outbox sends through {Host}:{Port} as instance {Instance}")]
    public static partial void Started(ILogger logger, string host, int port, string instance);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Outbox message {Id} ({Kind}) sent with Message-ID {MessageId}")]
    public static partial void Sent(ILogger logger, long id, string kind, string messageId);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Outbox message {Id} rejected for good: {Error}")]
    public static partial void Rejected(ILogger logger, long id, string error);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Outbox message {Id}: attempt {Attempts} failed, next in {Delay}: {Error}")]
    public static partial void WillRetry(ILogger logger, long id, int attempts, TimeSpan delay, string error);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error, Message = "Outbox message {Id} failed after {Attempts} attempts: {Error}")]
    public static partial void GaveUp(ILogger logger, long id, int attempts, string error);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error, Message = "Outbox round failed ({Type}): {Error}; trying again at the next poll")]
    public static partial void BatchFailed(ILogger logger, string type, string error);
}
