namespace Distillery.Architectures.Layers;

/// <summary>The shape of one sample's feature map, <c>[Channels, Height, Width]</c>, tracked while a network is built.</summary>
internal readonly record struct FeatureShape(long Channels, long Height, long Width)
{
    /// <summary>The number of values in one flattened sample.</summary>
    public long Size => Channels * Height * Width;

    /// <summary>The shape after a square convolution.</summary>
    public FeatureShape Convolved(long outChannels, long kernel, long padding = 0, long stride = 1) =>
        new(outChannels, Slide(Height, kernel, padding, stride), Slide(Width, kernel, padding, stride));

    /// <summary>The shape after square pooling (floor mode, no padding).</summary>
    public FeatureShape Pooled(long kernel, long stride) =>
        this with { Height = Slide(Height, kernel, 0, stride), Width = Slide(Width, kernel, 0, stride) };

    /// <summary>True when every dimension is at least one.</summary>
    public bool IsValid => Channels > 0 && Height > 0 && Width > 0;

    public override string ToString() => $"{Channels}x{Height}x{Width}";

    private static long Slide(long size, long kernel, long padding, long stride) =>
        size + 2 * padding < kernel ? 0 : (size + 2 * padding - kernel) / stride + 1;
}
