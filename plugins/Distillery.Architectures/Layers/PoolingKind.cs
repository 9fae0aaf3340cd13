namespace Distillery.Architectures.Layers;

/// <summary>The downsampling at the end of each block: 2x2 windows with stride 2, or none (the size stays).</summary>
internal enum PoolingKind
{
    None,
    MaxPooling,
    AvgPooling,
}
