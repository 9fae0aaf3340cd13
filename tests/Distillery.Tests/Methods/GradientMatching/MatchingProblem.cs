using Distillery.Data;
using Distillery.Methods;
using Distillery.Methods.GradientMatching;
using Distillery.Networks;
using Distillery.Progress;
using Distillery.Storage;
using Distillery.Tests.Architectures;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace Distillery.Tests.Methods.GradientMatching;

/// <summary>
/// A tiny generated problem for the gradient-matching methods: 3 classes of 12 grayscale 16×16 images, each class a
/// fixed random pattern plus noise, and ConvNet networks of depth 1 and width 8.
/// </summary>
internal sealed class MatchingProblem : IDisposable
{
    public const int Classes = 3;
    public const int PerClass = 12;

    private MatchingProblem(LabeledImages train) => Train = train;

    public static DatasetInfo Info { get; } = new(
        "tiny", 1, 16, 16, Enumerable.Range(0, Classes).Select(c => $"class {c}").ToArray(), [0f], [1f]);

    public LabeledImages Train { get; }

    public static MatchingProblem Create(ulong seed = 11)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator(seed);
        var patterns = torch.randn([Classes, 1, 16, 16], generator: generator);
        var labels = torch.arange(Classes, dtype: torch.ScalarType.Int64).repeat_interleave(PerClass);
        var images = patterns.index_select(0, labels) + 0.5 * torch.randn([Classes * PerClass, 1, 16, 16], generator: generator);
        return new MatchingProblem(new LabeledImages(images.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope(), Classes));
    }

    public DistillationRequest Request(int ipc = 2, long seed = 0, ICheckpointStore? checkpoints = null, string architecture = "convnet:d1-w8", IProgressReporter? progress = null) => new()
    {
        Dataset = Info,
        Train = Train,
        ImagesPerClass = ipc,
        Architecture = architecture,
        Seed = seed,
        Device = torch.CPU,
        Checkpoints = checkpoints ?? NullCheckpointStore.Instance,
        Progress = progress ?? NullProgressReporter.Instance,
    };

    public static IDistillationMethod Method(string name, Action<GradientMatchingOptions>? configure = null, Action<Network>? networkCreated = null)
    {
        GradientMatchingOptions options = name == "dsa" ? new DsaOptions() : new DcOptions();
        options.Iterations = 3;
        options.BatchReal = 8;
        options.OuterLoop = 2;
        options.InnerLoop = 2;
        options.CheckpointEvery = 1;
        configure?.Invoke(options);
        return options switch
        {
            DsaOptions dsa => new DsaMethod(new ConvNetFactory(networkCreated), Options.Create(dsa)),
            DcOptions dc => new DcMethod(new ConvNetFactory(networkCreated), Options.Create(dc)),
            _ => throw new ArgumentException(name),
        };
    }

    public void Dispose() => Train.Dispose();

    /// <summary>Builds <c>convnet:variant</c> networks for the problem's shape, showing each new one to <paramref name="created"/>.</summary>
    internal sealed class ConvNetFactory(Action<Network>? created = null) : INetworkFactory
    {
        public Network Create(string architecture, DatasetInfo dataset, long seed, torch.Device device)
        {
            var variant = architecture.Split(':', 2) is [_, var v] ? v : null;
            var spec = new NetworkSpec(variant, dataset.Channels, dataset.Height, dataset.Width, dataset.NumClasses);
            var network = SeededConstruction.Build(seed, device, () => ConvNetTests.Architecture.Create(spec));
            created?.Invoke(network);
            return network;
        }
    }
}
