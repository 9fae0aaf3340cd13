namespace Distillery.Search;

/// <summary>
/// What a strategy searches: the space, how many evaluations it may ask for (<see cref="Evaluations"/>), and the
/// evaluator's highest fidelity in epochs (<see cref="MaxEpochs"/>; null when its scores need no training, so a
/// multi-fidelity strategy cannot use it).
/// </summary>
public sealed record SearchProblem(ISearchSpace Space, int Evaluations, int? MaxEpochs);
