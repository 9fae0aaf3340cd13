using Distillery.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distillery.Tests.Training;

/// <summary>A linear classifier on the flattened image: the smallest network the trainer can train.</summary>
internal sealed class TinyNetwork : Network
{
    private readonly Linear _classifier;
    private readonly int _inputs;

    public TinyNetwork(int inputs, int classes)
        : base(nameof(TinyNetwork))
    {
        _inputs = inputs;
        _classifier = nn.Linear(inputs, classes);
        RegisterComponents();
    }

    public override int EmbeddingSize => _inputs;

    public override Tensor Embed(Tensor input) => input.flatten(1);

    public override Tensor Classify(Tensor embedding) => _classifier.forward(embedding);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _classifier.Dispose();
        }

        base.Dispose(disposing);
    }
}
