namespace Aufsicht.Features.Mail;

/// <summary>Registers the outbox: its settings, the wake-up signal and the worker that sends.</summary>
internal static class MailSetup
{
    /// <summary>Reads <c>Aufsicht:Mail:*</c>; a bad value is a <see cref="Web.SettingException"/> at start, not at the first send.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(MailSettings.From(configuration));
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<RetryMail>();
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
