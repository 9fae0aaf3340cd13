using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Nas.Strategies;

/// <summary>Successive halving: how many survive each rung (one in <see cref="Eta"/>) and the lowest fidelity.</summary>
internal sealed class HalvingOptions
{
    [Description("The reduction factor: each rung keeps the best ⌈n/Eta⌉ candidates and trains them Eta times as many epochs. The search's Evaluations is the first rung's size, so it asks for n + ⌈n/Eta⌉ + … trials in all.")]
    [Range(2, 100)]
    public int Eta { get; set; } = 3;

    [Description("Epochs of the first rung. Default: the evaluator's epochs / Eta^(rungs-1), with as many rungs as both the candidates and the epochs allow (at least 1 epoch).")]
    [Range(1, 100_000)]
    public int? MinEpochs { get; set; }
}
