using Aufsicht.Core;
using Aufsicht.Core.Law;
using Aufsicht.Documents.Letters;

namespace Aufsicht.Features.Letters;

/// <summary>
/// A template rendered for looking at, before it is used: on the sample case („Beispieldaten“) with the authority's
/// letterhead as stored, so the editor sees both the text and the head its letters will have.
/// </summary>
internal sealed class LetterPreview(LetterSources sources)
{
    /// <summary>
    /// The data a preview renders: for now always the sample case with the authority's letterhead. A case id is the
    /// seam for the preview on a real case (<c>CaseLetters.DataAsync(caseId, kind, language, null, ct)</c>, which the
    /// case slice provides): only this method changes when it comes.
    /// </summary>
    public async Task<(LetterData Data, bool Sample)> PreviewDataAsync(LetterKind kind, Language language, long? caseId, CancellationToken cancel)
    {
        _ = kind;
        _ = caseId;
        var authority = await sources.AuthorityAsync(language, cancel).ConfigureAwait(false);
        return (LetterSample.Data(language) with { Authority = authority }, true);
    }

    /// <summary>The letter <paramref name="template"/> makes of the preview data, or what is wrong with the template.</summary>
    public async Task<Result<LetterDocument>> RenderAsync(LetterKind kind, Language language, string template, long? caseId, CancellationToken cancel)
    {
        var (data, _) = await PreviewDataAsync(kind, language, caseId, cancel).ConfigureAwait(false);
        return LetterTemplates.Render(kind, template, data, language);
    }
}
