namespace Distillery.Tests.Training;

/// <summary>
/// Tests that seed or read torch's global generator themselves. They run alone, so no other test draws from it or
/// builds a network in between. Networks made through the network factory do not need it: their weights depend on
/// their seed alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalTorchRandomCollection
{
    public const string Name = "Global torch random generator";
}
