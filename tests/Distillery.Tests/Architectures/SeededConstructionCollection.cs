namespace Distillery.Tests.Architectures;

/// <summary>
/// Tests that seed torch's global generator and then draw from it. They run alone: any test building a network on
/// another thread at the same time would draw from the same generator.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededConstructionCollection
{
    public const string Name = "Architectures: seeded construction";
}
