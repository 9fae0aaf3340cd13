namespace Distillery.Tests.Training;

/// <summary>
/// Tests that seed torch's global generator and then create networks: they run alone, so no other test draws from
/// the global generator in between.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalTorchRandomCollection
{
    public const string Name = "Global torch random generator";
}
