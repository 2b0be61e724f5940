using System.Xml.Linq;
using Aufsicht.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Aufsicht.Web;

/// <summary>
/// The data-protection keys in the database, read and written synchronously because ASP.NET Core's
/// <see cref="IXmlRepository"/> is synchronous by contract. It runs when the key ring is first needed and then about
/// once a day, so it is let through <see cref="SynchronousAccessGuard"/> here, the one place that may.
/// </summary>
internal sealed class KeyRing(IXmlRepository inner) : IXmlRepository
{
    public static void Register(IServiceCollection services) =>
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = o.XmlRepository is { } repository ? new KeyRing(repository) : null));

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var allowed = SynchronousAccessGuard.Allow();
        return inner.GetAllElements();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var allowed = SynchronousAccessGuard.Allow();
        inner.StoreElement(element, friendlyName);
    }
}
