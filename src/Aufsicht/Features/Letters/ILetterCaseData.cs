using Aufsicht.Core;
using Aufsicht.Core.Law;

namespace Aufsicht.Features.Letters;

/// <summary>
/// The case files as the letter editor sees them: a case's letter data for the preview, and the cases to choose from.
/// The case slice implements it (<c>Cases.CaseLetters</c>), so letters never reach into case files themselves.
/// </summary>
internal interface ILetterCaseData
{
    Task<Result<LetterData>> DataAsync(long caseId, LetterKind kind, Language language, CancellationToken cancel);

    /// <summary>The open cases most recently changed, as „file number – body“, for choosing the preview's data.</summary>
    Task<IReadOnlyList<(long Id, string Label)>> RecentAsync(int count, CancellationToken cancel);
}
