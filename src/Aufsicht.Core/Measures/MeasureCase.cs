using Aufsicht.Core.Enforcement;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Measures;

/// <summary>Where the processing stands: not yet started, running, or over.</summary>
public enum Processing
{
    Planned,
    Ongoing,
    Ended,
}

/// <summary>What is known of the controller's fault (CJEU C-807/21: a fine needs intent or negligence).</summary>
public enum Culpability
{
    Intent,
    Negligence,
    None,
    Unknown,
}

/// <summary>One finding of the evaluation a case holds: the criterion and its level.</summary>
public sealed record MeasureFinding(string Criterion, Level Level);

/// <summary>A measure taken earlier in the matter and whether the controller complied with it.</summary>
public sealed record PreviousMeasure(Power Power, bool Complied);

/// <summary>
/// The facts a measure is chosen on: the controller, where the processing stands, whether it is remedied, the
/// findings, the data concerned, the fault, earlier measures, and the facts some powers need (a data subject's
/// request for (c), a breach for (e), a certification for (h)).
/// </summary>
public sealed record MeasureCase
{
    public MeasureCase(
        Controller controller,
        Processing processing,
        bool remedied,
        IReadOnlyList<MeasureFinding> findings,
        bool specialCategories,
        bool minors,
        long dataSubjects,
        Culpability culpability,
        IReadOnlyList<PreviousMeasure> previousMeasures,
        bool dataSubjectRequest = false,
        bool breach = false,
        bool certification = false)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(previousMeasures);
        ArgumentOutOfRangeException.ThrowIfNegative(dataSubjects);
        Controller = controller;
        Processing = processing;
        Remedied = remedied;
        Findings = findings;
        SpecialCategories = specialCategories;
        Minors = minors;
        DataSubjects = dataSubjects;
        Culpability = culpability;
        PreviousMeasures = previousMeasures;
        DataSubjectRequest = dataSubjectRequest;
        Breach = breach;
        Certification = certification;
    }

    public Controller Controller { get; }

    public Processing Processing { get; }

    public bool Remedied { get; }

    public IReadOnlyList<MeasureFinding> Findings { get; }

    public bool SpecialCategories { get; }

    public bool Minors { get; }

    public long DataSubjects { get; }

    public Culpability Culpability { get; }

    public IReadOnlyList<PreviousMeasure> PreviousMeasures { get; }

    public bool DataSubjectRequest { get; }

    public bool Breach { get; }

    public bool Certification { get; }
}
