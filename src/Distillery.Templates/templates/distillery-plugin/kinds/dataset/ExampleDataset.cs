using Distillery.Data;
using Distillery.Progress;
using Distillery.Randomness;
using Microsoft.Extensions.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace DistilleryPlugin1;

/// <summary>
/// A dataset returns raw pixels in [0, 1] as float32 <c>[N, C, H, W]</c> with int64 labels <c>[N]</c>; the engine
/// normalizes them with <see cref="DatasetInfo.Mean"/> and <see cref="DatasetInfo.Std"/> and moves them to the run's
/// device. A dataset read from files throws a UserErrorException naming a missing or damaged file.
/// </summary>
public sealed class ExampleDataset(IOptions<ExampleDatasetOptions> options) : IDataset
{
    private const int Size = 16;

    public Task<DatasetSplits> LoadAsync(IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var settings = options.Value;
        var info = new DatasetInfo("example-component", 1, Size, Size, ["horizontal", "vertical"], [0.5f], [0.5f]);
        using var task = progress.Start("example-component", 2);
        var train = Generate(settings.TrainPerClass, settings, SeedSequence.Derive(settings.Seed, "example-component train"));
        task.Advance();
        var test = Generate(settings.TestPerClass, settings, SeedSequence.Derive(settings.Seed, "example-component test"));
        task.Advance();
        return Task.FromResult(new DatasetSplits(info, train, test));
    }

    private static LabeledImages Generate(int perClass, ExampleDatasetOptions settings, long seed)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        var rows = (torch.arange(Size) % 4 < 2).to_type(ScalarType.Float32).reshape(1, 1, Size, 1);
        var horizontal = rows.expand(perClass, 1, Size, Size);
        var vertical = horizontal.transpose(2, 3);
        var clean = torch.cat([horizontal, vertical], 0);
        var noise = torch.randn(clean.shape, generator: generator) * settings.Noise;
        var images = (clean + noise).clamp(0, 1).contiguous().MoveToOuterDisposeScope();
        var labels = torch.cat([torch.zeros(perClass, ScalarType.Int64), torch.ones(perClass, ScalarType.Int64)]).MoveToOuterDisposeScope();
        return new LabeledImages(images, labels, numClasses: 2);
    }
}
