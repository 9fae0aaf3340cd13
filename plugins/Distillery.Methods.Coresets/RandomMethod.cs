using Distillery.Randomness;
using Distillery.Training;

namespace Distillery.Methods.Coresets;

/// <summary>Random real images per class, drawn from the run's seed.</summary>
internal sealed class RandomMethod : IDistillationMethod
{
    public Task<SyntheticSet> DistillAsync(DistillationRequest request, CancellationToken cancellationToken)
    {
        CoresetSets.CheckRequest(request, "random");
        var rows = RandomSubset.Indices(request.Train, request.ImagesPerClass, SeedSequence.Derive(request.Seed, "random coreset"));
        return Task.FromResult(CoresetSets.FromRows(request, "random", rows, architecture: null));
    }
}
