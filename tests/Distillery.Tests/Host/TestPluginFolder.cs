using Distillery.Tests.Kit;

namespace Distillery.Tests.Host;

/// <summary>A plugins folder with one good plugin and one of every kind of broken one, compiled once per test run.</summary>
public sealed class TestPluginFolder : IDisposable
{
    private readonly TemporaryFolder _root = new();

    public TestPluginFolder()
    {
        Compile("A.Good", TestPlugins.Good);

        var garbage = Folder("B.Garbage");
        File.WriteAllBytes(System.IO.Path.Combine(garbage, "B.Garbage.dll"), Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 251)).ToArray());

        var library = PluginCompiler.Compile(_root.Combine("lib"), "MissingLib", TestPlugins.MissingDependencyLibrary);
        Compile("C.MissingDependency", TestPlugins.MissingDependency, library);

        Compile("D.ContractThree", TestPlugins.ContractThree);
        Compile("E.ThrowingConstructor", TestPlugins.ThrowingConstructor);
        Compile("F.ThrowingRegister", TestPlugins.ThrowingRegister);
        Compile("G.NoManifest", TestPlugins.NoManifest);
        Compile("H.Disabled", TestPlugins.Disabled);
        Compile("I.SharedOptions", TestPlugins.SharedOptions);
        Compile("Z.Duplicate", TestPlugins.Duplicate);
    }

    public string Path => _root.Combine("plugins");

    public void Dispose() => _root.Dispose();

    private string Folder(string name)
    {
        var folder = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private void Compile(string name, string source, params string[] references) =>
        PluginCompiler.Compile(Folder(name), name, source, references);
}

[CollectionDefinition(Name)]
public sealed class TestPluginCollection : ICollectionFixture<TestPluginFolder>
{
    public const string Name = "Host test plugins";
}
