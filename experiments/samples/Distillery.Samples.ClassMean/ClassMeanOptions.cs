using System.ComponentModel.DataAnnotations;

namespace Distillery.Samples.ClassMean;

/// <summary>Bound from <c>Methods:class-mean</c> and validated when the host starts.</summary>
public sealed class ClassMeanOptions
{
    /// <summary>Look only at this many randomly drawn images of each class (0: all of them).</summary>
    [Range(0, 10_000_000)]
    public int CandidatesPerClass { get; set; }
}
