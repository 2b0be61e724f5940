using Aufsicht.Core.Law;
using Aufsicht.Features.Letters;

namespace Aufsicht.Tests.Letters;

/// <summary>A case's data as the case side would fill it, in each language: the app's own sample (<see cref="LetterSample"/>).</summary>
public static class SampleLetters
{
    public const string FileNumber = LetterSample.FileNumber;

    /// <summary>A 1×1 PNG, for the logo.</summary>
    public static readonly byte[] Logo = LetterSample.Logo;

    internal static LetterData Data(Language language, bool logo = false) => LetterSample.Data(language, logo);
}
