using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Nas.Strategies;

/// <summary>Regularized (aging) evolution: the population it keeps and how many members each tournament draws.</summary>
internal sealed class EvolutionOptions
{
    [Description("Candidates alive at once; the first Population evaluations are drawn from the space, then each child replaces the oldest. Evaluations must be at least this.")]
    [Range(1, 100_000)]
    public int Population { get; set; } = 10;

    [Description("Members drawn (with replacement) for each tournament; the best of them is mutated into the next child.")]
    [Range(1, 100_000)]
    public int SampleSize { get; set; } = 3;
}
