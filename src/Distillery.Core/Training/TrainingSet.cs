using Distillery.Data;
using Distillery.Methods;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Training;

/// <summary>
/// What a network trains on: images <c>[N, C, H, W]</c>, hard labels <c>[N]</c> (int64), and what a distilled set may
/// have learned besides its images: soft labels and a learning rate. Owns its tensors.
/// </summary>
/// <remarks>
/// <para>
/// Soft labels are class probabilities, <c>[N, classes]</c>: every row non-negative and summing to 1, as the
/// research code stores them (e.g. <c>torch.softmax</c> of a teacher's logits) and as <c>soft_labels</c> of a
/// <c>.pt</c> set file holds them. A set with soft labels trains with the soft cross-entropy
/// <c>-(target · log_softmax(logits)).sum(1).mean()</c> (<see cref="SoftCrossEntropy"/>) and ignores its hard labels;
/// without them, with the cross-entropy of the hard labels. Logits are refused: apply a softmax before storing them.
/// </para>
/// <para>
/// A learned learning rate replaces the configured <see cref="TrainingOptions.LearningRate"/> as the rate training
/// starts from; the reference schedule still applies to it (a tenth of it from half the epochs on, see
/// <see cref="LearningRateSchedule"/>).
/// </para>
/// </remarks>
public sealed class TrainingSet : IDisposable
{
    /// <summary>How far a row of soft labels may sum from 1 (float32 rounding of a softmax is far below it).</summary>
    public const double ProbabilityTolerance = 1e-3;

    public TrainingSet(Tensor images, Tensor labels, int numClasses, Tensor? softLabels = null, double? learningRate = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numClasses);
        if (images.dim() != 4)
        {
            throw new ArgumentException($"Images must be [N, C, H, W]; got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        if (labels.dim() != 1 || labels.shape[0] != images.shape[0])
        {
            throw new ArgumentException($"Labels must be [N] with N = {images.shape[0]}; got [{string.Join(", ", labels.shape)}].", nameof(labels));
        }

        if (softLabels is not null && SoftLabelProblem(softLabels, images.shape[0], numClasses) is { } problem)
        {
            throw new ArgumentException(problem, nameof(softLabels));
        }

        if (learningRate is { } rate && LearningRateProblem(rate) is { } rateProblem)
        {
            throw new ArgumentException(rateProblem, nameof(learningRate));
        }

        Images = images;
        Labels = labels.dtype == ScalarType.Int64 ? labels : labels.to_type(ScalarType.Int64);
        NumClasses = numClasses;
        SoftLabels = softLabels;
        LearningRate = learningRate;
    }

    public Tensor Images { get; }

    public Tensor Labels { get; }

    public int NumClasses { get; }

    /// <summary>Class probabilities <c>[N, classes]</c> to train toward instead of <see cref="Labels"/>, if any.</summary>
    public Tensor? SoftLabels { get; }

    /// <summary>The learning rate to start from instead of the configured one, if the set learned one.</summary>
    public double? LearningRate { get; }

    public long Count => Images.shape[0];

    /// <summary>
    /// Real or chosen images with their hard labels, trained with the configured learning rate. The set shares
    /// <paramref name="images"/>' storage (no copy) and is disposed on its own.
    /// </summary>
    public static TrainingSet Of(LabeledImages images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return new TrainingSet(images.Images.alias(), images.Labels.alias(), images.NumClasses);
    }

    /// <summary>
    /// A stored or imported set with everything it learned: its images decoded by its <see cref="SyntheticSet.Formation"/>
    /// (each stored image giving <c>k²</c> training images with its labels), its soft labels and learned learning rate
    /// when it has them, on <paramref name="device"/> (where it is already, when none is given). Shares storage with
    /// <paramref name="set"/> where no move or decoding is needed and is disposed on its own.
    /// </summary>
    /// <exception cref="UserErrorException">The set's soft labels are not probabilities over <paramref name="numClasses"/> classes, its learning rate is not a positive number, or its images cannot be decoded with its formation.</exception>
    public static TrainingSet Of(SyntheticSet set, int numClasses, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.Images.dim() == 4 && set.Formation.Problem(set.Images.shape[2], set.Images.shape[3]) is { } formationProblem)
        {
            throw new UserErrorException($"The set's images cannot be decoded: {formationProblem}");
        }

        if (set.SoftLabels is { } soft && SoftLabelProblem(soft, set.Images.shape[0], numClasses) is { } problem)
        {
            throw new UserErrorException($"The set's soft labels cannot be trained on: {problem}");
        }

        if (set.LearnedLearningRate is { } rate && LearningRateProblem(rate) is { } rateProblem)
        {
            throw new UserErrorException($"The set's learned learning rate cannot be trained with: {rateProblem}");
        }

        using var scope = torch.NewDisposeScope();
        var formation = set.Formation;
        var images = formation.Decode(Place(set.Images, device)).MoveToOuterDisposeScope();
        var labels = formation.DecodeLabels(Place(set.Labels, device)).MoveToOuterDisposeScope();
        var softLabels = set.SoftLabels is { } labelsToMove ? formation.DecodeLabels(Place(labelsToMove, device)).MoveToOuterDisposeScope() : null;
        return new TrainingSet(images, labels, numClasses, softLabels, set.LearnedLearningRate);
    }

    /// <summary>
    /// The same images and learning rate with the hard labels alone: what a set's images are worth without the knowledge
    /// its soft labels may carry. Shares storage with this set and is disposed on its own.
    /// </summary>
    public TrainingSet WithHardLabels() => new(Images.alias(), Labels.alias(), NumClasses, softLabels: null, LearningRate);

    /// <summary>The same images and labels without a learned learning rate; shares storage, disposed on its own.</summary>
    public TrainingSet WithoutLearningRate() => new(Images.alias(), Labels.alias(), NumClasses, SoftLabels?.alias(), learningRate: null);

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
        SoftLabels?.Dispose();
    }

    private static Tensor Place(Tensor tensor, Device? device) => device is null ? tensor.alias() : tensor.to(device);

    private static string? SoftLabelProblem(Tensor softLabels, long count, int numClasses)
    {
        if (softLabels.dim() != 2 || softLabels.shape[0] != count || softLabels.shape[1] != numClasses || !softLabels.is_floating_point())
        {
            return $"soft labels must be a floating [{count}, {numClasses}] tensor of class probabilities; got a {softLabels.dtype} tensor of shape [{string.Join(", ", softLabels.shape)}].";
        }

        if (count == 0)
        {
            return null;
        }

        using var scope = torch.NewDisposeScope();
        var values = softLabels.detach().to(ScalarType.Float64).cpu();
        if (!values.isfinite().all().item<bool>())
        {
            return "soft labels must be class probabilities; some are not finite numbers.";
        }

        var smallest = values.min(1).values;
        var negativeRow = smallest.argmin().item<long>();
        if (smallest[negativeRow].item<double>() < 0)
        {
            return FormattableString.Invariant(
                $"soft labels must be class probabilities (every row non-negative and summing to 1); row {negativeRow} holds {smallest[negativeRow].item<double>():G4}. Logits need a softmax first.");
        }

        var sums = values.sum(1);
        var farthestRow = (sums - 1).abs().argmax().item<long>();
        var farthestSum = sums[farthestRow].item<double>();
        if (Math.Abs(farthestSum - 1) > ProbabilityTolerance)
        {
            return FormattableString.Invariant(
                $"soft labels must be class probabilities (every row non-negative and summing to 1); row {farthestRow} sums to {farthestSum:G6}. Logits need a softmax first.");
        }

        return null;
    }

    private static string? LearningRateProblem(double rate) =>
        double.IsFinite(rate) && rate > 0 ? null : FormattableString.Invariant($"a learning rate must be a positive number; got {rate}.");
}
