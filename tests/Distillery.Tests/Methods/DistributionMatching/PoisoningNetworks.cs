using Distillery.Data;
using Distillery.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Methods.DistributionMatching;

/// <summary>Builds small ConvNets, but the network of one chosen creation embeds everything as NaN.</summary>
internal sealed class PoisoningNetworks(int poisonedCreation) : INetworkFactory
{
    private readonly SmallConvNets _inner = new();

    public Network Create(string architecture, DatasetInfo dataset, long seed, Device device)
    {
        var network = _inner.Create(architecture, dataset, seed, device);
        return _inner.Created == poisonedCreation ? new NaNNetwork(network) : network;
    }

    private sealed class NaNNetwork : Network
    {
        private readonly Network inner;

        public NaNNetwork(Network inner)
            : base(nameof(NaNNetwork))
        {
            this.inner = inner;
            RegisterComponents();
        }

        public override int EmbeddingSize => inner.EmbeddingSize;

        public override Tensor Embed(Tensor input) => inner.Embed(input) * float.NaN;

        public override Tensor Classify(Tensor embedding) => inner.Classify(embedding);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
