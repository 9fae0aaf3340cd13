using Distillery.Methods;
using Distillery.Search;

namespace Distillery.Nas.Searching;

/// <summary>A score, the environment that made it, and the worker it came from (null: this process).</summary>
internal sealed record RunOutcome(CandidateScore Score, RunEnvironment Environment, string? Worker = null);
