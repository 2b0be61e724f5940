namespace Aufsicht.Features.Shared;

/// <summary>The titles of the API's problem responses, one per kind of failure (<see cref="Failures.Problem"/>), German first.</summary>
internal static class FailureText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        ["problem.invalid"] = ("Die Anfrage ist ungültig.", "The request is invalid."),
        ["problem.notFound"] = ("Das Angefragte gibt es nicht.", "What the request names does not exist."),
        ["problem.conflict"] = ("Die Anfrage passt nicht zum aktuellen Stand; es wurde nichts gespeichert.", "The request does not fit the current state; nothing was saved."),
        ["problem.forbidden"] = ("Dafür fehlt die Berechtigung.", "You may not do this."),
        ["problem.gone"] = ("Das Angefragte ist nicht mehr verfügbar.", "What the request names is no longer available."),
        ["problem.tooLarge"] = ("Die Anfrage ist zu groß.", "The request is too large."),
    };
}
