using Distillery.Components;
namespace Distillery.Methods;

/// <summary>
/// Turns a real dataset into a synthetic set of <see cref="DistillationRequest.ImagesPerClass"/> images per class.
/// Long-running methods checkpoint through <see cref="DistillationRequest.Checkpoints"/> and resume from the last
/// checkpoint, so an interrupted run finishes with the same result as an uninterrupted one.
/// </summary>
[ComponentKind("method", ComponentSections.Methods)]
public interface IDistillationMethod
{
    Task<SyntheticSet> DistillAsync(DistillationRequest request, CancellationToken cancellationToken);
}
