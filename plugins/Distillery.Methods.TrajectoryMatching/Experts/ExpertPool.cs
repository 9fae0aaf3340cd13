using static TorchSharp.torch;

namespace Distillery.Methods.TrajectoryMatching.Experts;

/// <summary>
/// The expert trajectories a run matches, each <c>[epochs + 1, parameters]</c> on the run's device, with what it cost
/// to get them: the experts trained by this run and the seconds spent training them (0 when all were stored).
/// </summary>
internal sealed class ExpertPool(IReadOnlyList<Tensor> trajectories, int trained, double trainingSeconds, string key) : IDisposable
{
    public IReadOnlyList<Tensor> Trajectories { get; } = trajectories;

    /// <summary>Experts this run trained (the others were read from the workspace).</summary>
    public int Trained { get; } = trained;

    /// <summary>Seconds this run spent training experts.</summary>
    public double TrainingSeconds { get; } = trainingSeconds;

    /// <summary>The key the experts are stored under.</summary>
    public string Key { get; } = key;

    public void Dispose()
    {
        foreach (var trajectory in Trajectories)
        {
            trajectory.Dispose();
        }
    }
}
