using Distillery.Learning;
using Distillery.Networks;
using Distillery.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.KernelRegression;

/// <summary>
/// One network of the pool with its SGD momentum buffers and its age: the training steps it has taken on the synthetic
/// set since it was initialised. Owns its network and buffers.
/// </summary>
internal sealed class PoolMember : IDisposable
{
    private readonly MomentumSgd[] _optimizers;

    public PoolMember(Network network, long seed, int age, double learningRate, double momentum, IReadOnlyList<Tensor>? buffers = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
        Seed = seed;
        Age = age;
        var parameters = Parameters;
        if (buffers is not null && buffers.Count != parameters.Length)
        {
            throw new InvalidDataException($"The checkpoint holds {buffers.Count} momentum buffers for a network of {parameters.Length} parameters; it was made by another network.");
        }

        _optimizers = parameters
            .Select((parameter, i) => buffers is null
                ? MomentumSgd.Fresh(parameter, learningRate, momentum)
                : new MomentumSgd(learningRate, momentum, buffers[i].detach().to(parameter.device).clone()))
            .ToArray();
    }

    public Network Network { get; }

    /// <summary>The seed the network was initialised from.</summary>
    public long Seed { get; }

    /// <summary>Training steps taken since initialisation.</summary>
    public int Age { get; private set; }

    /// <summary>The momentum buffers, one per parameter in <see cref="nn.Module.parameters"/> order.</summary>
    public IReadOnlyList<Tensor> Buffers => _optimizers.Select(optimizer => optimizer.Buffer).ToArray();

    private Tensor[] Parameters => Network.parameters().Cast<Tensor>().ToArray();

    /// <summary>
    /// Takes <paramref name="steps"/> SGD steps on <paramref name="images"/> toward the class probabilities
    /// <paramref name="targets"/> (soft cross-entropy, as evaluation trains on soft labels); both are constants here.
    /// </summary>
    /// <returns>The loss of the last step, or null when no step was taken.</returns>
    public double? Train(Tensor images, Tensor targets, int steps)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(targets);
        double? last = null;
        var parameters = Parameters;
        Network.train();
        for (var step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            var loss = SoftCrossEntropy.Loss(Network.forward(images.detach()), targets.detach());
            var gradients = torch.autograd.grad([loss], parameters);
            for (var i = 0; i < parameters.Length; i++)
            {
                _optimizers[i].Step(parameters[i], gradients[i]);
            }

            last = loss.item<float>();
            Age++;
        }

        return last;
    }

    public void Dispose()
    {
        Network.Dispose();
        foreach (var optimizer in _optimizers)
        {
            optimizer.Dispose();
        }
    }
}
