using System.Reflection;
using System.Runtime.CompilerServices;
using PublicApiGenerator;

namespace MetaMock.JobLogging.Testing;

/// <summary>
/// Compares an assembly's public API with the approved text checked in beside the test. On a difference it writes
/// <c>*.received.txt</c> next to the approved file and fails, so every public API change is a reviewed diff.
/// </summary>
public static class PublicApiApproval
{
    /// <summary>Asserts that the assembly's public API equals the approved file's text.</summary>
    public static void Verify(Assembly assembly, string approvedFileName, [CallerFilePath] string callerPath = "")
    {
        var approvedPath = Path.Combine(SourceFolder(callerPath), approvedFileName);
        var receivedPath = approvedPath.Replace(".approved.txt", ".received.txt", StringComparison.Ordinal);
        var actual = Normalize(assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }));
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : string.Empty;
        if (actual == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail($"The public API of {assembly.GetName().Name} changed. Review {receivedPath} and, if intended, copy it over {approvedPath}.");
    }

    // CI builds map source paths to "/_/" (deterministic builds), so the caller's path is re-rooted at the repository
    // found above the test's output folder.
    private static string SourceFolder(string callerPath)
    {
        var normalized = callerPath.Replace('\\', '/');
        var relative = Path.GetDirectoryName(normalized[normalized.LastIndexOf("/tests/", StringComparison.Ordinal)..].TrimStart('/'))!;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "MetaMock.JobLogging.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root?.FullName ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory), relative);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
