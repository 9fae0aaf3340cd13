using Distillery.Search;

namespace Distillery.Nas.Searching;

/// <summary>A trial of a search with its score, and whether the score was found stored rather than computed now.</summary>
internal sealed record ScoredTrial(CandidateTrial Trial, string Architecture, CandidateScore Score, bool Stored);
