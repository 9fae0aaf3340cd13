namespace Distillery.Architectures.ConvNets;

/// <summary>The ranges a ConvNet's depth and width may take.</summary>
internal static class ConvNetLimits
{
    public const int MinDepth = 1;
    public const int MaxDepth = 8;
    public const int MinWidth = 1;
    public const int MaxWidth = 4096;
}
