namespace Aufsicht.Web;

/// <summary>The app's structured log events.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Database {Database}; catalogue: {Inserted} snapshots added, {Updated} updated, {Unchanged} unchanged, {Conflicts} edited ones with a newer shipped version")]
    public static partial void CatalogImported(ILogger logger, string database, int inserted, int updated, int unchanged, int conflicts);
}
