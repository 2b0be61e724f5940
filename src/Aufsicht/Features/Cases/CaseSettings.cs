using Aufsicht.Core.Cases;
using Aufsicht.Web;

namespace Aufsicht.Features.Cases;

/// <summary>
/// The authority's settings for case files: the file-number pattern (<c>Aufsicht:Cases:FileNumberPattern</c>, default
/// <c>{year}-{seq:0000}</c>). A pattern that cannot number cases stops the start with a message naming the setting.
/// </summary>
internal sealed record CaseSettings(string FileNumberPattern)
{
    public const string PatternSetting = "Aufsicht:Cases:FileNumberPattern";

    public static CaseSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var pattern = configuration[PatternSetting] ?? FileNumbers.DefaultPattern;
        var checkedPattern = FileNumbers.Check(pattern);
        return checkedPattern.IsOk
            ? new CaseSettings(checkedPattern.Value)
            : throw new SettingException($"{PatternSetting}: " + Shared.Failures.Message(checkedPattern.Errors[0], Core.Law.Language.En));
    }
}
