using System.Reflection;
using System.Xml.Linq;
using Xunit;

namespace Aufsicht.Core.Tests;

/// <summary>The domain is pure: it references the base library only, and reads no clock, file, network or console.</summary>
[Trait("Category", "Unit")]
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Aufsicht.Core.Assessment.Assessor).Assembly;

    [Fact]
    public void Core_ReferencesOnlyTheBaseLibrary()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(name is "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal) || name == "System",
            $"Aufsicht.Core references {name}"));
        Assert.DoesNotContain(references, name => name is "System.Net.Http" or "System.Net.Sockets" or "System.Console" or "System.Net.Primitives");
    }

    [Fact]
    public void Core_ProjectHasNoPackageOrProjectReference()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Aufsicht.Core", "Aufsicht.Core.csproj"));
        Assert.Empty(project.Descendants("PackageReference"));
        Assert.Empty(project.Descendants("ProjectReference"));
    }

    [Theory]
    [InlineData("DateTime.Now")]
    [InlineData("DateTime.UtcNow")]
    [InlineData("DateTimeOffset.Now")]
    [InlineData("DateTimeOffset.UtcNow")]
    [InlineData("DateOnly.FromDateTime(DateTime")]
    [InlineData("File.")]
    [InlineData("Directory.")]
    [InlineData("Console.")]
    [InlineData("Environment.")]
    [InlineData("HttpClient")]
    public void Core_SourceUsesNoAmbientIo(string forbidden)
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src", "Aufsicht.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(forbidden, StringComparison.Ordinal))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void CoreTypes_AreSealedOrStaticOrRecordsOrEnums()
    {
        var open = Core.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !t.Name.StartsWith('<'))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(open);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Aufsicht.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Aufsicht.slnx not found above " + AppContext.BaseDirectory);
    }
}
