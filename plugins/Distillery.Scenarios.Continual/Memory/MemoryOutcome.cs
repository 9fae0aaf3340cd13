namespace Distillery.Scenarios.Continual;

/// <summary>How one (method, class order)'s memory was obtained: steps made now, steps loaded from the buffer.</summary>
internal sealed record MemoryOutcome(string Method, int Order, string Buffer, int StepsMade, int StepsLoaded, double Seconds);
