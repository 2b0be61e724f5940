using System.Collections.Concurrent;
using System.Net;

namespace Aufsicht.Features.Accounts;

/// <summary>
/// Failed sign-ins counted in memory, per client address (20 in 10 minutes, then the address waits) and per e-mail
/// address that has no account (5 in 15 minutes, then the same lockout message as a real account gets, so the answers
/// do not tell which addresses have accounts). Identity's own lockout counts real accounts in the database.
/// </summary>
internal sealed class SignInThrottle(TimeProvider clock)
{
    public const int MaxPerAddress = 20;
    public static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(10);
    public const int MaxPerName = 5;
    public static readonly TimeSpan NameWindow = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> _failures = new(StringComparer.Ordinal);

    public bool AddressBlocked(IPAddress? address) => address is not null && Blocked("ip:" + address, MaxPerAddress, AddressWindow);

    public bool NameBlocked(string email) => Blocked("name:" + email.ToUpperInvariant(), MaxPerName, NameWindow);

    public void Failed(IPAddress? address, string? unknownName)
    {
        if (address is not null)
        {
            Count("ip:" + address, AddressWindow);
        }

        if (unknownName is not null)
        {
            Count("name:" + unknownName.ToUpperInvariant(), NameWindow);
        }

        // Old entries go once the table grows: a flood of addresses cannot fill the memory.
        if (_failures.Count > 10_000)
        {
            var now = clock.GetUtcNow();
            foreach (var (key, value) in _failures)
            {
                if (now - value.Start > NameWindow)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }

    private bool Blocked(string key, int max, TimeSpan window) =>
        _failures.TryGetValue(key, out var f) && clock.GetUtcNow() - f.Start < window && f.Count >= max;

    private void Count(string key, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(key, (now, 1), (_, f) => now - f.Start >= window ? (now, 1) : (f.Start, f.Count + 1));
    }
}
