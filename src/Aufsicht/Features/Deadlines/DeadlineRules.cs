using Aufsicht.Cli;
using Aufsicht.Core.Deadlines;
using Aufsicht.Web;

namespace Aufsicht.Features.Deadlines;

/// <summary>The notification rules of the data folder, read once; a missing or invalid file is a wrong setting.</summary>
internal sealed record DeadlineRules(NotificationRules Rules)
{
    public static DeadlineRules Load(string dataFolder, Core.Law.Language language = Core.Law.Language.En)
    {
        var path = Path.Combine(dataFolder, NotificationRules.File);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingException(Texts.T(language, "cli.file.cannotRead", path, e.Message));
        }

        var read = NotificationRules.Read(bytes);
        return read.IsOk
            ? new DeadlineRules(read.Value)
            : throw new SettingException(path + ": " + string.Join("; ", read.Errors.Select(e => CliFailures.Line(e, language))));
    }

    /// <summary>Computes the deadline of a request with the Land's holidays.</summary>
    public Core.Result<Deadline> Compute(DeadlineRequest request) => DeadlineCalculator.Compute(request, LandHolidays.For(request), Rules);
}
