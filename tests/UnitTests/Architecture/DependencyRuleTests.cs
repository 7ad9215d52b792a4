using System.Reflection;
using System.Xml.Linq;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Infrastructure.Persistence;

namespace Portal.UnitTests.Architecture;

/// <summary>
/// The dependency rule: Domain ← Application ← Infrastructure ← Web. Checked twice: on the compiled
/// assemblies (what the code really uses) and on the project files (what it may use, since unused
/// references are dropped from metadata).
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly Assembly Domain = typeof(DomainMarker).Assembly;
    private static readonly Assembly Application = typeof(ApplicationMarker).Assembly;
    private static readonly Assembly Infrastructure = typeof(PortalDbContext).Assembly;

    private static IReadOnlyList<string> ReferencesOf(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

    private static IReadOnlyList<string> PortalReferencesOf(Assembly assembly) =>
        ReferencesOf(assembly).Where(name => name.StartsWith("Portal.", StringComparison.Ordinal)).ToList();

    private static bool IsEfCoreOrAspNetCore(string name) =>
        name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal);

    [Fact]
    public void The_assemblies_are_the_ones_the_rule_is_about()
    {
        Domain.GetName().Name.ShouldBe("Portal.Domain");
        Application.GetName().Name.ShouldBe("Portal.Application");
        Infrastructure.GetName().Name.ShouldBe("Portal.Infrastructure");
    }

    [Fact]
    public void Domain_references_no_other_portal_assembly() =>
        PortalReferencesOf(Domain).ShouldBeEmpty();

    [Fact]
    public void Application_references_only_the_domain_among_portal_assemblies() =>
        PortalReferencesOf(Application).ShouldBe(["Portal.Domain"]);

    [Fact]
    public void Infrastructure_references_application_and_domain_but_not_web()
    {
        var references = PortalReferencesOf(Infrastructure);

        references.ShouldContain("Portal.Application");
        references.ShouldContain("Portal.Domain");
        references.ShouldNotContain("Portal.Web");
        references.ShouldBe(["Portal.Application", "Portal.Domain"], ignoreOrder: true);
    }

    [Fact]
    public void Domain_references_no_ef_core_or_asp_net_core_assembly() =>
        ReferencesOf(Domain).Where(IsEfCoreOrAspNetCore).ShouldBeEmpty();

    [Fact]
    public void Application_references_no_ef_core_or_asp_net_core_assembly() =>
        ReferencesOf(Application).Where(name => name.Contains("EntityFrameworkCore", StringComparison.Ordinal)
                || name.Contains("AspNetCore", StringComparison.Ordinal))
            .ShouldBeEmpty();

    // ---- project files ----

    private static readonly Lazy<DirectoryInfo> RepositoryRoot = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portal.sln"))) return directory;
        }
        throw new InvalidOperationException($"Portal.sln not found above {AppContext.BaseDirectory}.");
    });

    private static string PathOf(string relative) => Path.Combine(RepositoryRoot.Value.FullName,
        relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The names (without extension) of the projects a project file references.</summary>
    private static IReadOnlyList<string> ProjectReferencesOf(string projectFile)
    {
        var document = XDocument.Load(PathOf(projectFile));
        return document.Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include") ?? "")
            .Select(include => Path.GetFileNameWithoutExtension(include.Replace('\\', '/')))
            .ToList();
    }

    private static IEnumerable<string> PackageReferencesOf(string file) =>
        XDocument.Load(file).Descendants()
            .Where(e => e.Name.LocalName == "PackageReference")
            .Select(e => (string?)e.Attribute("Include") ?? (string?)e.Attribute("Update") ?? "");

    [Fact]
    public void The_domain_project_references_no_project() =>
        ProjectReferencesOf("src/Domain/Portal.Domain.csproj").ShouldBeEmpty();

    [Fact]
    public void The_application_project_references_only_the_domain_project() =>
        ProjectReferencesOf("src/Application/Portal.Application.csproj").ShouldBe(["Portal.Domain"]);

    [Fact]
    public void The_infrastructure_project_references_application_and_at_most_domain_but_never_web()
    {
        var references = ProjectReferencesOf("src/Infrastructure/Portal.Infrastructure.csproj");

        references.ShouldContain("Portal.Application");
        references.ShouldNotContain("Portal.Web");
        references.ShouldAllBe(name => name == "Portal.Application" || name == "Portal.Domain");
    }

    [Fact]
    public void The_domain_and_application_projects_use_no_ef_core_or_asp_net_core_package_or_framework()
    {
        foreach (var project in new[] { "src/Domain/Portal.Domain.csproj", "src/Application/Portal.Application.csproj" })
        {
            PackageReferencesOf(PathOf(project)).Where(IsEfCoreOrAspNetCore).ShouldBeEmpty(project);
            XDocument.Load(PathOf(project)).Descendants().Where(e => e.Name.LocalName == "FrameworkReference").ShouldBeEmpty(project);
            XDocument.Load(PathOf(project)).Root!.Attribute("Sdk")!.Value.ShouldBe("Microsoft.NET.Sdk", project);
        }
    }

    [Fact]
    public void Only_the_web_project_references_the_mediator_source_generator()
    {
        var root = RepositoryRoot.Value.FullName;
        var projectFiles = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(root, "*.props", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(root, "*.targets", SearchOption.AllDirectories))
            .Where(file => !IsBuildOutput(Path.GetRelativePath(root, file)))
            .Where(file => !file.EndsWith("Directory.Packages.props", StringComparison.OrdinalIgnoreCase));

        var users = projectFiles
            .Where(file => PackageReferencesOf(file).Contains("Mediator.SourceGenerator"))
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .ToList();

        users.ShouldBe(["src/Web/Portal.Web.csproj"]);
    }

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Replace('\\', '/').Split('/').Any(part => part is "bin" or "obj" or ".git");
}
