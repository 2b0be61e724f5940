namespace Aufsicht.Web;

/// <summary>
/// A setting or start-up argument is wrong (a configuration key, <c>--urls</c>, <c>--data-dir</c>, the data folder, the
/// database): the message names the setting. Both entry points, <see cref="WebApp.Run"/> and the CLI's dispatcher,
/// print it as one line and exit with code 2, as they do for bad input on the command line.
/// </summary>
internal sealed class SettingException(string message) : Exception(message);
