using Distillery.Methods;

namespace Distillery.Storage;

/// <summary>A synthetic set as the store lists it, without its tensors.</summary>
public sealed record StoredSetInfo(string Name, SetProvenance Provenance, IReadOnlyList<long> Shape, long Bytes, int SchemaVersion);
