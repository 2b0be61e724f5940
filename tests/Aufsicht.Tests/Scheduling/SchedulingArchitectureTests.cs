using System.Reflection;
using System.Xml.Linq;
using Xunit;

namespace Aufsicht.Tests.Scheduling;

/// <summary>The scheduler is pure like the Core: it references the Core, OR-Tools and the base library only, and reads no clock or file.</summary>
[Trait("Category", "Unit")]
public sealed class SchedulingArchitectureTests
{
    private static readonly Assembly Scheduling = typeof(Aufsicht.Scheduling.CpSatScheduler).Assembly;

    [Fact]
    public void Scheduling_ReferencesOnlyCoreOrToolsAndTheBaseLibrary()
    {
        var references = Scheduling.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("Google.OrTools", references);
        Assert.All(references, name => Assert.True(
            name is "netstandard" or "mscorlib" or "System" or "Aufsicht.Core" or "Google.OrTools" or "Google.Protobuf" || name.StartsWith("System.", StringComparison.Ordinal),
            $"Aufsicht.Scheduling references {name}"));
        Assert.DoesNotContain(references, name => name is "System.Net.Http" or "System.Net.Sockets" or "System.Console" or "System.Net.Primitives");
    }

    [Fact]
    public void Scheduling_ProjectReferencesOnlyCoreAndOrTools()
    {
        var project = XDocument.Load(Path.Combine(Cli.Repository, "src", "Aufsicht.Scheduling", "Aufsicht.Scheduling.csproj"));
        Assert.Equal(["Google.OrTools"], project.Descendants("PackageReference").Select(p => (string)p.Attribute("Include")!));
        Assert.Equal([@"..\Aufsicht.Core\Aufsicht.Core.csproj"], project.Descendants("ProjectReference").Select(p => (string)p.Attribute("Include")!));
    }

    [Theory]
    [InlineData("DateTime.Now")]
    [InlineData("DateTime.UtcNow")]
    [InlineData("DateTimeOffset.")]
    [InlineData("Stopwatch")]
    [InlineData("TimeProvider")]
    [InlineData("File.")]
    [InlineData("Directory.")]
    [InlineData("Console.")]
    [InlineData("Environment.")]
    [InlineData("HttpClient")]
    public void Scheduling_SourceUsesNoAmbientIoOrClock(string forbidden)
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(Cli.Repository, "src", "Aufsicht.Scheduling"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(forbidden, StringComparison.Ordinal))
            .ToList();
        Assert.Empty(offenders);
    }
}
