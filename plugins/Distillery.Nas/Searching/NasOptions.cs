using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Nas.Searching;

/// <summary>
/// An architecture search: a strategy over a space, each candidate scored by an evaluator on a dataset, every score
/// stored as it is known; optionally the best few confirmed by the ground truth.
/// </summary>
internal sealed class NasOptions
{
    [Description("The dataset candidates are trained and tested on.")]
    [Required(AllowEmptyStrings = false)]
    public string Dataset { get; set; } = "fashion-mnist";

    [Description("The search space: convnet (720 ConvNet variants), list (SearchSpaces:list:Candidates), or a plugin's.")]
    [Required(AllowEmptyStrings = false)]
    public string Space { get; set; } = "convnet";

    [Description("The search strategy: exhaustive, random, evolution, halving, or a plugin's.")]
    [Required(AllowEmptyStrings = false)]
    public string Strategy { get; set; } = "random";

    [Description("The candidate evaluator (proxy): set, subset, early-stop, full, params, flops, synflow, naswot, snip, grad_norm, or a plugin's.")]
    [Required(AllowEmptyStrings = false)]
    public string Evaluator { get; set; } = "set";

    [Description("The proxy set for the set evaluator (a stored set's name); sets CandidateEvaluators:set:Set for this search.")]
    public string? Set { get; set; }

    [Description("How many candidate evaluations the strategy may ask for.")]
    [Range(1, 1_000_000)]
    public int Evaluations { get; set; } = 20;

    [Description("The seed of the strategy's draws and of every candidate's networks.")]
    public long Seed { get; set; }

    [Description("Train the best K candidates on the full data (the full evaluator) and report the architecture to use.")]
    [Range(0, 1000)]
    public int ConfirmTop { get; set; }

    [Description("The evaluator that confirms the best candidates (--confirm-top).")]
    [Required(AllowEmptyStrings = false)]
    public string ConfirmWith { get; set; } = "full";

    [Description("How many candidates of one ask are trained at once, each on its own thread; libtorch's Distillery:Threads are shared by all of them. Scores do not depend on it.")]
    [Range(1, 64)]
    public int Concurrency { get; set; } = 1;

    [Description("Train the candidates on the workers of the cluster the Cluster settings name (distillery worker), instead of in this process. Scores do not depend on it.")]
    public bool Cluster { get; set; }

    [Description("How many rows the leaderboard shows.")]
    [Range(1, 1_000_000)]
    public int Show { get; set; } = 10;
}
