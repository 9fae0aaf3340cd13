namespace Distillery.Networks;

/// <summary>
/// What to build: an optional variant of the architecture (e.g. <c>bn</c>, or for ConvNet
/// <c>d3-w128-relu-instancenorm-avgpool</c>) for inputs of the given shape and number of classes.
/// </summary>
public sealed record NetworkSpec(string? Variant, int Channels, int Height, int Width, int NumClasses);
