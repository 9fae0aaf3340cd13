using Distillery.Data;
using Distillery.Devices;
using Distillery.Networks;
using Distillery.Search;
using TorchSharp;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>A baseline score at initialisation: the candidate's multiply-accumulates per image (see <see cref="MultiplyAccumulates"/>).</summary>
internal sealed class FlopsEvaluator(ZeroCostScoring scoring, IDeviceProvider devices) : ICandidateEvaluator
{
    public const string Name = "flops";

    public int? Epochs => null;

    public Task PrepareAsync(DatasetInfo dataset, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<CandidateScore> EvaluateAsync(CandidateJob job, CancellationToken cancellationToken) =>
        scoring.ScoreAsync(job, count: 1, batchSize: null, (network, _) => Count(network, job.Data.Info), cancellationToken);

    private long Count(Network network, DatasetInfo info)
    {
        using var image = torch.zeros([1, info.Channels, info.Height, info.Width], device: devices.Device);
        return MultiplyAccumulates.Count(network, image);
    }
}
