namespace Distillery.Runs;

/// <summary>The program running the engine, as provenance names it: its version with the commit it was built from.</summary>
public sealed record HostIdentity(string Version);
