using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Distillery.Tests.Host;

/// <summary>Compiles small plugin assemblies on the fly against the contract, the way a plugin author would.</summary>
internal static class PluginCompiler
{
    private static readonly Lazy<MetadataReference[]> Platform = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    /// <summary>
    /// Compiles <paramref name="source"/> into <paramref name="folder"/>/<paramref name="assemblyName"/>.dll. A reference
    /// named like an assembly of the test host (another TorchSharp, say) takes that assembly's place.
    /// </summary>
    public static string Compile(string folder, string assemblyName, string source, params string[] references)
    {
        var replaced = references.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            Platform.Value
                .Where(p => !replaced.Contains(Path.GetFileName(((PortableExecutableReference)p).FilePath)))
                .Concat(references.Select(r => MetadataReference.CreateFromFile(r))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, assemblyName + ".dll");
        using (var stream = File.Create(path))
        {
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException(
                    "Test plugin did not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }
        }

        return path;
    }
}
