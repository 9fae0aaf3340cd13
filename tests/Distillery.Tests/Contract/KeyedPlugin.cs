using Distillery.Tests.Host;

namespace Distillery.Tests.Contract;

/// <summary>
/// A plugin folder with the built-in datasets and architectures and a compiled method <c>keyed</c> whose one option, <c>Level</c>, has the
/// default the caller chooses: the images it returns are filled with the level it was given.
/// </summary>
internal static class KeyedPlugin
{
    public static string Source(int defaultLevel) => TestPlugins.Usings + $$"""
        [assembly: DistilleryPlugin("tests.keyed", "1.0", "A method whose options enter the run key.")]
        namespace Keyed;
        public sealed class KeyedOptions { [System.ComponentModel.DataAnnotations.Range(1, 100)] public int Level { get; set; } = {{defaultLevel}}; }
        public sealed class KeyedMethod(Microsoft.Extensions.Options.IOptions<KeyedOptions> options) : IDistillationMethod
        {
            public Task<SyntheticSet> DistillAsync(DistillationRequest request, CancellationToken cancellationToken)
            {
                var info = request.Dataset;
                var labels = new long[info.NumClasses * request.ImagesPerClass];
                for (var i = 0; i < labels.Length; i++) { labels[i] = i / request.ImagesPerClass; }
                var images = TorchSharp.torch.full(new long[] { labels.Length, info.Channels, info.Height, info.Width }, (float)options.Value.Level);
                var provenance = new SetProvenance { Method = "keyed", Dataset = info.Name, ImagesPerClass = request.ImagesPerClass, Seed = request.Seed };
                return Task.FromResult(new SyntheticSet(images, TorchSharp.torch.tensor(labels), provenance));
            }
        }
        public sealed class Plugin : IDistilleryPlugin
        {
            public void Register(IComponentRegistry components) => components.AddMethod<KeyedMethod, KeyedOptions>("keyed", "Fills every image with its level.");
        }
        """;

    /// <summary>Makes <paramref name="folder"/> a plugins folder: the built-in datasets and architectures and <c>keyed</c> with that default.</summary>
    public static string Create(string folder, int defaultLevel)
    {
        foreach (var builtIn in new[] { "Distillery.Datasets", "Distillery.Architectures" })
        {
            RepositoryPaths.CopyDirectory(Path.Combine(RepositoryPaths.BuiltInPlugins, builtIn), Path.Combine(folder, builtIn));
        }

        PluginCompiler.Compile(Path.Combine(folder, "Tests.Keyed"), "Tests.Keyed", Source(defaultLevel));
        return folder;
    }
}
