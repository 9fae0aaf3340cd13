using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>A score at initialisation: the mean over <see cref="Networks"/> fresh networks, each from its own seed.</summary>
internal abstract class ZeroCostOptions
{
    [Description("Fresh networks scored per candidate, each from its own seed derived from the search's seed; the score is their mean.")]
    [Range(1, 100)]
    public int Networks { get; set; } = 1;
}
