using System.Runtime.CompilerServices;

// SeedSequence moved to the contract (2.2), so plugins need not reference the engine for it; plugins compiled against
// the engine's copy still find it here.
[assembly: TypeForwardedTo(typeof(Distillery.Randomness.SeedSequence))]
