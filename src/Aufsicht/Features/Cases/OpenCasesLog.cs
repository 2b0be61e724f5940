using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Aufsicht.Features.Cases;

/// <summary>Log events of opening cases.</summary>
internal static partial class OpenCasesLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Opened {Count} cases from campaign {Campaign} in {Milliseconds} ms ({Phases})")]
    public static partial void Opened(ILogger logger, int count, long campaign, long milliseconds, Phases phases);
}

/// <summary>The wall time of each step of one request, for the log line that says where the time of a bulk open went.</summary>
internal sealed class Phases
{
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly StringBuilder _done = new();
    private TimeSpan _last;

    /// <summary>Ends the step called <paramref name="name"/>, begun when the one before ended.</summary>
    public void Done(string name)
    {
        var now = _total.Elapsed;
        _done.Append(CultureInfo.InvariantCulture, $"{(_done.Length == 0 ? string.Empty : ", ")}{name} {(now - _last).TotalMilliseconds:F0} ms");
        _last = now;
    }

    public long Milliseconds => _total.ElapsedMilliseconds;

    public override string ToString() => _done.ToString();
}
