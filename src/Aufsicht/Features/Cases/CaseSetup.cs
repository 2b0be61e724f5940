using System.Threading.RateLimiting;

namespace Aufsicht.Features.Cases;

/// <summary>The case feature's services: letters in a case, the calendar feed's rate limit, the deadline reminder job.</summary>
internal static class CaseSetup
{
    public static void AddCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ReminderSchedule.From(configuration));
        services.AddScoped<CaseLetters>();
        services.AddScoped<Letters.ILetterCaseData>(sp => sp.GetRequiredService<CaseLetters>());
        services.AddSingleton<DeadlineReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineReminders>());
        // The feed is anonymous (its address is the key): a client address that asks more than a calendar would — 60 a
        // minute, counted in memory per instance — waits, so nobody can try addresses at speed.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(CalendarFeed.RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
