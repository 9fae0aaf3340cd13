using Distillery;
using Distillery.Networks;
using Microsoft.Extensions.Options;

namespace DistilleryPlugin1;

/// <summary>
/// Builds <see cref="ExampleNetwork"/>s by variant: <c>example-component</c> or <c>example-component:wide</c>. The
/// host calls <see cref="Create"/> through its network factory, which seeds the initial weights from the run's seed and
/// moves the network to the run's device: do not seed or move it here.
/// </summary>
public sealed class ExampleArchitecture(IOptions<ExampleArchitectureOptions> options) : IArchitecture
{
    public IReadOnlyList<string> Variants { get; } = ["wide"];

    public Network Create(NetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var width = spec.Variant switch
        {
            null or "" => options.Value.Width,
            "wide" => options.Value.Width * 2,
            _ => throw new UserErrorException(
                $"example-component has no variant '{spec.Variant}'. Known variants: {string.Join(", ", Variants)}."),
        };
        return new ExampleNetwork(spec.Channels * spec.Height * spec.Width, width, spec.NumClasses);
    }
}
