using Distillery.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DistilleryPlugin1;

/// <summary>Flatten, a hidden layer with ReLU (the embedding), then a linear classifier.</summary>
public sealed class ExampleNetwork : Network
{
    // Submodules are fields, in call order; RegisterComponents() comes last in the constructor.
    private readonly Linear _hidden;
    private readonly Linear _classifier;

    public ExampleNetwork(int inputs, int width, int classes)
        : base(nameof(ExampleNetwork))
    {
        _hidden = nn.Linear(inputs, width);
        _classifier = nn.Linear(width, classes);
        EmbeddingSize = width;
        RegisterComponents();
    }

    public override int EmbeddingSize { get; }

    public override Tensor Embed(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return nn.functional.relu(_hidden.forward(input.flatten(1)));
    }

    public override Tensor Classify(Tensor embedding) => _classifier.forward(embedding);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hidden.Dispose();
            _classifier.Dispose();
        }

        base.Dispose(disposing);
    }
}
