using System.Globalization;
using Distillery.Methods;
using Distillery.Networks;
using Distillery.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.KernelRegression;

/// <summary>
/// The pool of networks whose features the regression uses. A network that has trained
/// <see cref="KernelRegressionOptions.MaxOnlineSteps"/> steps is replaced by a fresh one; the n-th network a run makes
/// (counting from 0) is initialised from the run's seed and n alone, so a resumed run makes the same networks.
/// </summary>
internal sealed class NetworkPool : IDisposable
{
    private const string Prefix = "frepo.pool";
    private readonly INetworkFactory _networks;
    private readonly DistillationRequest _request;
    private readonly KernelRegressionOptions _options;
    private readonly PoolMember[] _members;

    private NetworkPool(INetworkFactory networks, DistillationRequest request, KernelRegressionOptions options, PoolMember[] members, int created, int resets)
    {
        _networks = networks;
        _request = request;
        _options = options;
        _members = members;
        Created = created;
        Resets = resets;
    }

    public int Count => _members.Length;

    /// <summary>Networks made so far, the starting ones included.</summary>
    public int Created { get; private set; }

    /// <summary>Networks replaced for their age so far.</summary>
    public int Resets { get; private set; }

    public PoolMember this[int index] => _members[index];

    /// <summary>The age network <paramref name="index"/> of a pool of <paramref name="size"/> starts at: <c>index · maxSteps / size</c>.</summary>
    public static int StartingAge(int index, int size, int maxSteps) => (int)((long)index * maxSteps / size);

    /// <summary>
    /// A pool of fresh networks, network i trained <see cref="StartingAge"/> steps on <paramref name="images"/> toward
    /// <paramref name="targets"/> (the starting set), so that the pool holds young and trained networks from the start.
    /// </summary>
    /// <exception cref="OperationCanceledException">The run was stopped while the starting pool trained.</exception>
    public static NetworkPool Create(
        INetworkFactory networks, DistillationRequest request, KernelRegressionOptions options, Tensor images, Tensor targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var members = new PoolMember[options.PoolSize];
        var pool = new NetworkPool(networks, request, options, members, created: 0, resets: 0);
        var ages = Enumerable.Range(0, members.Length).Select(i => StartingAge(i, members.Length, options.MaxOnlineSteps)).ToArray();
        try
        {
            using var task = request.Progress.Start($"{KernelRegressionMethod.Name}: training the starting pool", Math.Max(1, ages.Sum()));
            for (var i = 0; i < members.Length; i++)
            {
                members[i] = pool.Fresh();
                for (var step = 0; step < ages[i]; step++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    members[i].Train(images, targets, 1);
                    task.Advance();
                }
            }
        }
        catch
        {
            pool.Dispose();
            throw;
        }

        return pool;
    }

    /// <summary>The pool as a checkpoint saved it (see <see cref="AddTo"/>).</summary>
    public static NetworkPool Restore(
        INetworkFactory networks, DistillationRequest request, KernelRegressionOptions options, IReadOnlyDictionary<string, Tensor> tensors, PoolRecord record)
    {
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(record);
        if (record.Seeds.Length != options.PoolSize || record.Ages.Length != options.PoolSize)
        {
            throw new InvalidDataException($"The checkpoint holds a pool of {record.Seeds.Length} networks, not {options.PoolSize}; it was made by another run.");
        }

        var members = new PoolMember[options.PoolSize];
        try
        {
            for (var i = 0; i < members.Length; i++)
            {
                var network = networks.Create(request.Architecture, request.Dataset, record.Seeds[i], request.Device);
                var prefix = MemberPrefix(i);
                NetworkWeights.LoadInto(network, tensors, prefix + "weights.");
                var count = network.parameters().Count();
                var buffers = Enumerable.Range(0, count).Select(j => tensors.TryGetValue(BufferKey(i, j), out var buffer)
                    ? buffer
                    : throw new InvalidDataException($"The checkpoint has no tensor '{BufferKey(i, j)}'; it was made by another run.")).ToArray();
                members[i] = new PoolMember(network, record.Seeds[i], record.Ages[i], options.LearningRateNetwork, options.MomentumNetwork, buffers);
            }
        }
        catch
        {
            foreach (var member in members.Where(member => member is not null))
            {
                member.Dispose();
            }

            throw;
        }

        return new NetworkPool(networks, request, options, members, record.Created, record.Resets);
    }

    /// <summary>Replaces network <paramref name="index"/> with a fresh one when it has reached the age limit; says whether it did.</summary>
    public bool RenewIfOld(int index)
    {
        if (_members[index].Age < _options.MaxOnlineSteps)
        {
            return false;
        }

        var fresh = Fresh();
        _members[index].Dispose();
        _members[index] = fresh;
        Resets++;
        return true;
    }

    /// <summary>Adds CPU copies of every network's weights and momentum buffers to <paramref name="tensors"/>, and returns the rest.</summary>
    public PoolRecord AddTo(IDictionary<string, Tensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        for (var i = 0; i < _members.Length; i++)
        {
            foreach (var (key, value) in NetworkWeights.ToCheckpointTensors(_members[i].Network, MemberPrefix(i) + "weights."))
            {
                tensors[key] = value;
            }

            var buffers = _members[i].Buffers;
            for (var j = 0; j < buffers.Count; j++)
            {
                tensors[BufferKey(i, j)] = buffers[j].detach().cpu().clone();
            }
        }

        return new PoolRecord(_members.Select(m => m.Seed).ToArray(), _members.Select(m => m.Age).ToArray(), Created, Resets);
    }

    /// <summary>Whether every network's weights and buffers are finite.</summary>
    public bool IsFinite()
    {
        using var scope = torch.NewDisposeScope();
        return _members.All(member =>
            member.Network.parameters().All(p => p.detach().isfinite().all().item<bool>())
            && member.Buffers.All(b => b.isfinite().all().item<bool>()));
    }

    public void Dispose()
    {
        foreach (var member in _members)
        {
            member?.Dispose();
        }
    }

    private PoolMember Fresh()
    {
        var seed = SeedSequence.Derive(_request.Seed, "frepo network", Created);
        var network = _networks.Create(_request.Architecture, _request.Dataset, seed, _request.Device);
        Created++;
        return new PoolMember(network, seed, age: 0, _options.LearningRateNetwork, _options.MomentumNetwork);
    }

    private static string MemberPrefix(int index) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}.{index}.");

    private static string BufferKey(int member, int parameter) => string.Create(CultureInfo.InvariantCulture, $"{MemberPrefix(member)}momentum.{parameter}");
}

/// <summary>What a checkpoint keeps of the pool besides tensors: each network's seed and age, networks made, networks replaced.</summary>
internal sealed record PoolRecord(long[] Seeds, int[] Ages, int Created, int Resets);
