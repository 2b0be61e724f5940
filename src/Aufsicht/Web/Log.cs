namespace Aufsicht.Web;

/// <summary>The app's structured log events.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Database {Database}; catalogue: {Inserted} snapshots added, {Updated} updated, {Unchanged} unchanged, {Conflicts} edited ones with a newer shipped version")]
    public static partial void CatalogImported(ILogger logger, string database, int inserted, int updated, int unchanged, int conflicts);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Aufsicht:PublicUrl is not set: invitation and reminder links will use the address the server listens on ({Listening}), or the Host of a request when it is one of AllowedHosts. Set the address people reach the server at, e.g. --Aufsicht:PublicUrl=https://aufsicht.behoerde.example (or Aufsicht__PublicUrl)")]
    public static partial void PublicUrlMissing(ILogger logger, string listening);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information,
        Message = "Data-protection keys (sessions, antiforgery) are stored unencrypted in the database {Database}; whoever can read the database can forge sessions. To encrypt them, set Aufsicht:DataProtection:Certificate to a PFX file (and Aufsicht:DataProtection:CertificatePassword)")]
    public static partial void KeysUnencrypted(ILogger logger, string database);
}
