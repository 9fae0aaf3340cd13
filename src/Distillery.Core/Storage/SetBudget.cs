using System.Globalization;
using Distillery.Methods;

namespace Distillery.Storage;

/// <summary>
/// What a set stores, counted in numbers, the unit that makes sets of different kinds comparable: every pixel value
/// of its stored images, every soft-label value (a soft label over 10 classes costs 10 numbers per image, since it can
/// carry a teacher's knowledge) and a learned learning rate (1 number). Hard labels are not counted: they follow from
/// the class order of the images. The decoding of a multi-formation set costs nothing: its stored images are counted,
/// not the training images decoded from them.
/// </summary>
public sealed record SetBudget(long StoredImages, long NumbersPerImage, long SoftLabelNumbers, bool LearnedLearningRate, int Factor)
{
    public long ImageNumbers => StoredImages * NumbersPerImage;

    /// <summary>Everything the set stores, in numbers.</summary>
    public long Numbers => ImageNumbers + SoftLabelNumbers + (LearnedLearningRate ? 1 : 0);

    /// <summary>The images a network trains on: the stored images, times <c>Factor²</c> when they are decoded.</summary>
    public long TrainingImages => StoredImages * Factor * Factor;

    public static SetBudget Of(SyntheticSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return Of(set.Images.shape, set.SoftLabels?.shape, set.LearnedLearningRate is not null, set.Formation.Factor);
    }

    /// <summary>From the shapes of the stored images <c>[N, C, H, W]</c> and soft labels <c>[N, classes]</c>, if any.</summary>
    public static SetBudget Of(IReadOnlyList<long> imageShape, IReadOnlyList<long>? softLabelShape, bool learnedLearningRate, int factor)
    {
        ArgumentNullException.ThrowIfNull(imageShape);
        var count = imageShape.Count == 0 ? 0 : imageShape[0];
        var perImage = imageShape.Skip(1).Aggregate(1L, (product, size) => product * size);
        var soft = softLabelShape is null ? 0 : softLabelShape.Aggregate(1L, (product, size) => product * size);
        return new SetBudget(count, perImage, soft, learnedLearningRate, factor);
    }

    /// <summary>E.g. <c>79,400 numbers: 100 images × 784 + soft labels 100 × 10 (1,000); decoded ×2 into 400 training images</c>.</summary>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Numbers:N0} numbers: {StoredImages:N0} images × {NumbersPerImage:N0}");
        if (SoftLabelNumbers > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" + soft labels {StoredImages:N0} × {SoftLabelNumbers / Math.Max(1, StoredImages):N0} ({SoftLabelNumbers:N0})");
        }

        if (LearnedLearningRate)
        {
            text += " + 1 learned learning rate";
        }

        if (Factor > 1)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; decoded ×{Factor} into {TrainingImages:N0} training images");
        }

        return text;
    }
}
