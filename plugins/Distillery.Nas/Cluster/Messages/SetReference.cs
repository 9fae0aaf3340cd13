namespace Distillery.Nas.Cluster.Messages;

/// <summary>A stored set by name and content fingerprint.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record SetReference([property: Id(0)] string Name, [property: Id(1)] string Fingerprint);
