using Distillery.Storage;

namespace Distillery.Runs;

/// <summary>A finished distillation: the stored set and whether it resumed from a checkpoint.</summary>
public sealed record DistillationOutcome(StoredSetInfo Set, string RunId, bool Resumed, double Seconds);
