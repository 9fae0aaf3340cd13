using System.Diagnostics;
using System.Text.Json;
using Distillery.Methods;
using Distillery.Randomness;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Samples.ClassMean;

/// <summary>For every class, picks the real images closest (in squared pixel distance) to the mean image of the class.</summary>
public sealed class ClassMeanMethod(IOptions<ClassMeanOptions> options, ILogger<ClassMeanMethod> logger) : IDistillationMethod
{
    public Task<SyntheticSet> DistillAsync(DistillationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var started = Stopwatch.GetTimestamp();
        var train = request.Train;
        var chosen = new List<long>(request.ImagesPerClass * train.NumClasses);

        using (var progress = request.Progress.Start("class-mean", train.NumClasses))
        {
            for (var label = 0; label < train.NumClasses; label++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var rows = Candidates(train.IndicesOf(label), settings.CandidatesPerClass, request.Seed, label);
                if (rows.Length < request.ImagesPerClass)
                {
                    throw new UserErrorException(
                        $"Class {label} has {rows.Length} candidate images; cannot pick {request.ImagesPerClass}. Use a smaller --ipc.");
                }

                var images = train.Images.index_select(0, torch.tensor(rows, device: train.Images.device)).flatten(1);
                var distances = (images - images.mean([0], keepdim: true)).square().sum(1);
                var (_, nearest) = distances.topk(request.ImagesPerClass, largest: false);
                chosen.AddRange(nearest.cpu().data<long>().ToArray().Select(i => rows[i]));
                progress.Advance();
            }
        }

        using var indices = torch.tensor(chosen.ToArray(), device: train.Images.device);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        logger.LogInformation("class-mean picked {Count} images in {Seconds:F1} s", chosen.Count, seconds);

        var provenance = new SetProvenance
        {
            Method = "class-mean",
            Dataset = request.Dataset.Name,
            ImagesPerClass = request.ImagesPerClass,
            OptionsJson = JsonSerializer.Serialize(settings),
            Seed = request.Seed,
            DurationSeconds = seconds,
            SourceIndices = chosen,
        };
        return Task.FromResult(new SyntheticSet(
            train.Images.index_select(0, indices),
            train.Labels.index_select(0, indices),
            provenance));
    }

    private static long[] Candidates(IReadOnlyList<long> rows, int limit, long seed, int label)
    {
        if (limit <= 0 || limit >= rows.Count)
        {
            return rows.ToArray();
        }

        using var generator = new Generator((ulong)SeedSequence.Derive(seed, "class-mean candidates", label));
        using var order = torch.randperm(rows.Count, generator: generator);
        return order.data<long>().ToArray().Take(limit).Select(i => rows[(int)i]).ToArray();
    }
}
