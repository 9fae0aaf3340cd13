using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>A score at initialisation that looks at one batch of real training images.</summary>
internal abstract class BatchScoreOptions : ZeroCostOptions
{
    [Description("Real training images in the one batch the score looks at, drawn from a seed derived from the search's seed (all of them when the training set is smaller).")]
    [Range(1, 65_536)]
    public int BatchSize { get; set; } = 64;
}
