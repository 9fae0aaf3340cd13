using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Networks;

/// <summary>
/// Builds a network whose initial weights depend only on a seed. Architectures draw their weights from torch's global
/// generator; this seeds it for the one construction, under a process-wide lock, and puts its previous state back
/// afterwards, so neither what ran before nor what runs after in the process changes the weights.
/// </summary>
public static class SeededConstruction
{
    private static readonly Lock GlobalGenerator = new();

    /// <summary>Runs <paramref name="build"/> with the global generator seeded by <paramref name="seed"/>, then moves the network to <paramref name="device"/>.</summary>
    public static Network Build(long seed, Device device, Func<Network> build)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(build);
        Network network;
        lock (GlobalGenerator)
        {
            using var saved = torch.random.get_rng_state();
            try
            {
                torch.random.manual_seed(seed);
                network = build();
            }
            finally
            {
                torch.random.set_rng_state(saved);
            }
        }

        try
        {
            network.to(device);
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }
}
