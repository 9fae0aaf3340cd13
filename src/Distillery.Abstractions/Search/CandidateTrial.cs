namespace Distillery.Search;

/// <summary>
/// A candidate to evaluate, at a fidelity: <see cref="Epochs"/> of the evaluator's training (null: its full
/// protocol). A multi-fidelity strategy asks for fewer epochs first.
/// </summary>
public sealed record CandidateTrial(Candidate Candidate, int? Epochs = null);
