using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Aufsicht.Web;

/// <summary>
/// The data-protection keys (sessions, antiforgery) at rest: encrypted with the certificate of
/// <c>Aufsicht:DataProtection:Certificate</c> (a PFX file; its password in <c>…:CertificatePassword</c>) when one is
/// set. Without one they are stored unencrypted in the database, as before: then the framework's warning ("No XML
/// encryptor configured") on every new key is replaced by one line of ours at start that says what that means and how
/// to change it (issue 12).
/// </summary>
internal static class KeyProtection
{
    public const string CertificateSetting = "Aufsicht:DataProtection:Certificate";
    public const string PasswordSetting = "Aufsicht:DataProtection:CertificatePassword";

    /// <summary>The certificate to encrypt the keys with, or null if none is configured; one that cannot be read is a <see cref="SettingException"/>.</summary>
    public static X509Certificate2? Certificate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[CertificateSetting] is not { Length: > 0 } path)
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordSetting], X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new SettingException($"{CertificateSetting}: cannot read '{path}' as a PFX certificate with the password of {PasswordSetting}: {e.Message}");
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new SettingException($"{CertificateSetting}: '{path}' holds no private key; the keys could be encrypted but never read again");
        }

        return certificate;
    }

    public static void Configure(IDataProtectionBuilder dataProtection, ILoggingBuilder logging, X509Certificate2? certificate)
    {
        ArgumentNullException.ThrowIfNull(dataProtection);
        ArgumentNullException.ThrowIfNull(logging);
        if (certificate is null)
        {
            // Our own line at start says it once (Log.KeysUnencrypted); errors of the key manager still show.
            logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
            return;
        }

        // Decrypting with this certificate too: on Linux the framework would otherwise look for it in a certificate store.
        dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}
