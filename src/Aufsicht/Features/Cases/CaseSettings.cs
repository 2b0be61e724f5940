using Aufsicht.Core.Cases;
using Aufsicht.Web;

namespace Aufsicht.Features.Cases;

/// <summary>
/// The authority's settings for case files: the file-number pattern (<c>Aufsicht:Cases:FileNumberPattern</c>, default
/// <c>{year}-{seq:0000}</c>). A pattern that cannot number cases stops the start with a message naming the setting.
/// </summary>
internal sealed record CaseSettings(string FileNumberPattern, string? State = null, int FollowUpDays = CaseSettings.DefaultFollowUpDays)
{
    /// <summary>How many days a follow-up link accepts new answers (<c>Aufsicht:Cases:FollowUpDays</c>, 1–366).</summary>
    public const string FollowUpDaysSetting = "Aufsicht:Cases:FollowUpDays";

    public const int DefaultFollowUpDays = 14;

    public const string PatternSetting = "Aufsicht:Cases:FileNumberPattern";

    /// <summary>The Land of the authority's seat, whose public holidays move deadlines (<c>Aufsicht:Cases:State</c>, e.g. MV).</summary>
    public const string StateSetting = "Aufsicht:Cases:State";

    public static CaseSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var pattern = configuration[PatternSetting] ?? FileNumbers.DefaultPattern;
        var checkedPattern = FileNumbers.Check(pattern);
        var state = configuration[StateSetting] is { Length: > 0 } land ? land : null;
        if (state is not null && !Core.Deadlines.Laender.Codes.Contains(state))
        {
            throw new SettingException($"{StateSetting}: '{state}' is not a German Land (two letters, e.g. MV)");
        }

        var days = DefaultFollowUpDays;
        if (configuration[FollowUpDaysSetting] is { Length: > 0 } text
            && (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out days) || days is < 1 or > 366))
        {
            throw new SettingException($"{FollowUpDaysSetting}: '{text}' is not a number of days from 1 to 366");
        }

        return checkedPattern.IsOk
            ? new CaseSettings(checkedPattern.Value, state, days)
            : throw new SettingException($"{PatternSetting}: " + Shared.Failures.Message(checkedPattern.Errors[0], Core.Law.Language.En));
    }
}
