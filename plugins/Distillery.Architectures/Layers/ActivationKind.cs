namespace Distillery.Architectures.Layers;

/// <summary>The nonlinearity after each normalization.</summary>
internal enum ActivationKind
{
    Relu,
    Sigmoid,

    /// <summary>Leaky ReLU with negative slope 0.01.</summary>
    LeakyRelu,
}
