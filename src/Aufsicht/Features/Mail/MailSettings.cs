using System.Globalization;
using System.Net;
using Aufsicht.Web;
using MailKit.Security;
using MimeKit;

namespace Aufsicht.Features.Mail;

/// <summary>
/// How the outbox reaches its SMTP server, read once at start from <c>Aufsicht:Mail:*</c>. Without a host, sending is
/// off and messages wait in the outbox.
/// </summary>
internal sealed record MailSettings
{
    private const string Prefix = "Aufsicht:Mail:";

    public string? Host { get; init; }

    public int Port { get; init; } = 25;

    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>Aufsicht:Mail:From, the sender of every message.</summary>
    public MailboxAddress? Sender { get; init; }

    public int PerMinute { get; init; } = 60;

    public int PollSeconds { get; init; } = 10;

    public int MaxAttempts { get; init; } = 8;

    public int RetryBaseSeconds { get; init; } = 30;

    public int ClaimSeconds { get; init; } = 300;

    public bool Enabled => Host is not null;

    /// <summary>How long one SMTP step may take; a whole send may take half a claim, so a slow server cannot outlive the claim.</summary>
    public TimeSpan CommandTimeout => TimeSpan.FromSeconds(Math.Min(60, ClaimSeconds / 4.0));

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1: doubles each time, at most an hour.</summary>
    public TimeSpan BackOff(int attempts)
    {
        var seconds = RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, 3600));
    }

    /// <summary>Reads and checks the settings; a bad value is a <see cref="SettingException"/> naming the setting.</summary>
    public static MailSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Aufsicht:Mail");
        var host = Text(section, "Host");
        var settings = new MailSettings
        {
            Host = host,
            Port = Number(section, "Port", 25, 1, 65535),
            Security = SecurityOf(section, host),
            User = Text(section, "User"),
            Password = section["Password"] is { Length: > 0 } password ? password : null,
            PerMinute = Number(section, "PerMinute", 60, 1, 100_000),
            PollSeconds = Number(section, "PollSeconds", 10, 1, 3600),
            MaxAttempts = Number(section, "MaxAttempts", 8, 1, 100),
            RetryBaseSeconds = Number(section, "RetryBaseSeconds", 30, 1, 3600),
            ClaimSeconds = Number(section, "ClaimSeconds", 300, 10, 86_400),
        };
        if (settings.User is not null && settings.Password is null)
        {
            throw new SettingException($"{Prefix}Password: required when {Prefix}User is set");
        }

        var from = Text(section, "From");
        if (from is null)
        {
            return host is null
                ? settings
                : throw new SettingException($"{Prefix}From: required when {Prefix}Host is set (the sender address, e.g. datenschutz@behoerde.example)");
        }

        if (!MailboxAddress.TryParse(from, out var address) || !address.Address.Contains('@', StringComparison.Ordinal)
            || address.Address.StartsWith('@') || address.Address.EndsWith('@'))
        {
            throw new SettingException($"{Prefix}From: '{from}' is not an e-mail address such as datenschutz@behoerde.example");
        }

        return settings with { Sender = address };
    }

    private static string? Text(IConfiguration section, string key) =>
        section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static int Number(IConfiguration section, string key, int fallback, int min, int max)
    {
        var text = Text(section, key);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new SettingException($"{Prefix}{key}: '{text}' is not a whole number from {min} to {max}");
    }

    private static SecureSocketOptions SecurityOf(IConfiguration section, string? host) =>
        Text(section, "Security")?.ToLowerInvariant() switch
        {
            null => IsLoopback(host) ? SecureSocketOptions.None : SecureSocketOptions.StartTlsWhenAvailable,
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "ssl" => SecureSocketOptions.SslOnConnect,
            var other => throw new SettingException($"{Prefix}Security: '{other}' is not one of none, starttls, ssl"),
        };

    private static bool IsLoopback(string? host) =>
        host is not null && (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip)));
}
