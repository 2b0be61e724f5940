using Aufsicht.Cli;
using Aufsicht.Web;

// One executable: a CLI verb runs and exits; no verb, `serve`, or only server options start the web application.
return CommandLineApp.IsCommand(args) ? CommandLineApp.RunConsole(args) : WebApp.Run(args);

/// <summary>The entry point, named for WebApplicationFactory in the tests.</summary>
internal sealed partial class Program;
