using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Nas.Evaluators;

/// <summary>
/// The random-subset proxy: a candidate trained on real images drawn per class from the job's seed, with the same
/// protocol as the distilled-set proxy (reference optimizer, 300 epochs, one network, no augmentation by default), so
/// the two compare as a distilled set and its random baseline do.
/// </summary>
internal sealed class SubsetOptions : TrainedScoreOptions
{
    [Description("Real training images drawn per class (from a seed derived from the search's seed).")]
    [Range(1, 100_000)]
    public int ImagesPerClass { get; set; } = 10;
}
