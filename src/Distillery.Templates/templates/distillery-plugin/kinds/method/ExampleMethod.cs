using System.Diagnostics;
using System.Text.Json;
using Distillery;
using Distillery.Methods;
using Distillery.Randomness;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace DistilleryPlugin1;

/// <summary>
/// For every class, draws a pool of real images with a generator seeded from the run's seed, and keeps the
/// <see cref="DistillationRequest.ImagesPerClass"/> images nearest the pool's mean. Made by the container: it may ask
/// for its options, a logger, and the engine's services.
/// </summary>
public sealed class ExampleMethod(IOptions<ExampleMethodOptions> options, ILogger<ExampleMethod> logger) : IDistillationMethod
{
    public Task<SyntheticSet> DistillAsync(DistillationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.InitialImages is not null)
        {
            throw new UserErrorException("example-component selects real images and cannot start from a stored set: drop --init-from.");
        }

        var settings = options.Value;
        var started = Stopwatch.GetTimestamp();
        var train = request.Train;
        var chosen = new List<long>(request.ImagesPerClass * train.NumClasses);

        using (var progress = request.Progress.Start("example-component", train.NumClasses))
        {
            for (var label = 0; label < train.NumClasses; label++)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // Every tensor made in this scope is freed at its end, unless moved out: native memory is not the GC's.
                using var scope = torch.NewDisposeScope();
                var rows = Pool(train.IndicesOf(label), settings.CandidatesPerClass, request.Seed, label);
                if (rows.Length < request.ImagesPerClass)
                {
                    throw new UserErrorException(
                        $"Class {label} has {rows.Length} candidate images; cannot pick {request.ImagesPerClass}. Use a smaller --ipc.");
                }

                // Tensors are made on the run's device, never on the CPU by default.
                var images = train.Images.index_select(0, torch.tensor(rows, device: request.Device)).flatten(1);
                var distances = (images - images.mean([0], keepdim: true)).square().sum(1);
                var (_, nearest) = distances.topk(request.ImagesPerClass, largest: false);
                chosen.AddRange(nearest.cpu().data<long>().ToArray().Select(i => rows[i]));
                progress.Advance();
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        logger.LogInformation("example-component picked {Count} images in {Seconds:F1} s", chosen.Count, seconds);

        // The set owns its tensors; the caller disposes it.
        using var indices = torch.tensor(chosen.ToArray(), device: request.Device);
        var provenance = new SetProvenance
        {
            Method = "example-component",
            Dataset = request.Dataset.Name,
            ImagesPerClass = request.ImagesPerClass,
            OptionsJson = JsonSerializer.Serialize(settings),
            Seed = request.Seed,
            DurationSeconds = seconds,
            SourceIndices = chosen,
        };
        return Task.FromResult(new SyntheticSet(train.Images.index_select(0, indices), train.Labels.index_select(0, indices), provenance));
    }

    /// <summary>At most <paramref name="limit"/> rows of one class, drawn with a seed derived from the run's seed.</summary>
    private static long[] Pool(IReadOnlyList<long> rows, int limit, long seed, int label)
    {
        if (limit <= 0 || limit >= rows.Count)
        {
            return rows.ToArray();
        }

        // One seed per purpose and class: adding a random choice elsewhere never shifts this one.
        using var generator = new Generator((ulong)SeedSequence.Derive(seed, "example-component pool", label));
        using var order = torch.randperm(rows.Count, generator: generator);
        return order.data<long>().ToArray().Take(limit).Select(i => rows[(int)i]).ToArray();
    }
}
