namespace Aufsicht.Core.Law;

/// <summary>A text in German (the users' language) and English.</summary>
public sealed record LocalizedText(string De, string En)
{
    public string In(Language language) => language == Language.De ? De : En;
}

/// <summary>The two languages every text of Aufsicht is written in.</summary>
public enum Language
{
    De,
    En,
}
