namespace Distillery.Scenarios.Continual;

/// <summary>What one step's memory is made from and with.</summary>
internal sealed record MemoryStepRequest(
    string Method,
    string MethodOptionsJson,
    int Step,
    IReadOnlyList<int> Classes,
    int MemoryPerClass,
    string Architecture,
    long Seed);
