using Aufsicht.Data;

namespace Aufsicht.Web;

/// <summary>
/// GET /healthz: 200 when the database answers. The answer is reused for one second, so a load balancer polling
/// hard (or a benchmark) does not turn the health check into load on the database; an outage shows within a second.
/// </summary>
internal sealed class HealthCheck(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long At, bool Healthy) _last = (long.MinValue, false);

    public async Task<IResult> Handle(CancellationToken cancel)
    {
        var last = _last;
        if (last.At == long.MinValue || clock.GetElapsedTime(last.At) >= TimeSpan.FromSeconds(1))
        {
            await _gate.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                if (_last.At == long.MinValue || clock.GetElapsedTime(_last.At) >= TimeSpan.FromSeconds(1))
                {
                    using var scope = scopes.CreateScope();
                    var healthy = await scope.ServiceProvider.GetRequiredService<AufsichtDb>().Database.CanConnectAsync(cancel).ConfigureAwait(false);
                    _last = (clock.GetTimestamp(), healthy);
                }

                last = _last;
            }
            finally
            {
                _gate.Release();
            }
        }

        return last.Healthy ? Results.Text("ok") : Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public void Dispose() => _gate.Dispose();
}
