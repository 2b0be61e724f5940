using Aufsicht.Core;
using Aufsicht.Core.Law;
using Aufsicht.Documents.Letters;

namespace Aufsicht.Features.Letters;

/// <summary>
/// A template rendered for looking at, before it is used: on a real case's data (its file, as the letter would be made
/// today), or on the sample case („Beispieldaten“), both with the authority's letterhead as stored, so the editor sees
/// both the text and the head its letters will have.
/// </summary>
internal sealed class LetterPreview(LetterSources sources, ILetterCaseData cases)
{
    /// <summary>The data a preview renders: the case's when one is chosen, else the sample case with the authority's letterhead.</summary>
    public async Task<Result<(LetterData Data, bool Sample)>> PreviewDataAsync(LetterKind kind, Language language, long? caseId, CancellationToken cancel)
    {
        if (caseId is { } id)
        {
            var data = await cases.DataAsync(id, kind, language, cancel).ConfigureAwait(false);
            return data.IsOk ? Result<(LetterData, bool)>.Ok((data.Value, false)) : Result<(LetterData, bool)>.Fail(data.Errors);
        }

        var authority = await sources.AuthorityAsync(language, cancel).ConfigureAwait(false);
        return Result<(LetterData, bool)>.Ok((LetterSample.Data(language) with { Authority = authority }, true));
    }

    /// <summary>The letter <paramref name="template"/> makes of the preview data, or what is wrong with the template or the case.</summary>
    public async Task<Result<LetterDocument>> RenderAsync(LetterKind kind, Language language, string template, long? caseId, CancellationToken cancel)
    {
        var data = await PreviewDataAsync(kind, language, caseId, cancel).ConfigureAwait(false);
        return data.IsOk ? LetterTemplates.Render(kind, template, data.Value.Data, language) : Result<LetterDocument>.Fail(data.Errors);
    }

    /// <summary>The cases a preview can use.</summary>
    public Task<IReadOnlyList<(long Id, string Label)>> CasesAsync(CancellationToken cancel) => cases.RecentAsync(50, cancel);
}
