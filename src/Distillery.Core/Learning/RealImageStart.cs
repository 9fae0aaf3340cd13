using Distillery.Methods;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Learning;

/// <summary>
/// Where a learning method's synthetic images start when they start from real ones: for every class in turn, one
/// permutation of its training images from the generator, whose first <c>ImagesPerClass · k²</c> images are shrunk
/// into tiles by the formation (as IDC starts), so that each stored image decodes back into real images. With factor 1
/// the stored images are the drawn real images. The same generator state gives the same images.
/// </summary>
public static class RealImageStart
{
    /// <summary>Stored images <c>[classes · ImagesPerClass, C, H, W]</c>, class by class, on the training images' device.</summary>
    /// <param name="remedy">What to change when a class has too few images, named in the error (a sentence).</param>
    /// <exception cref="UserErrorException">A class has fewer training images than the start needs.</exception>
    public static Tensor Draw(DistillationRequest request, Formation formation, Generator generator, string remedy)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(formation);
        ArgumentNullException.ThrowIfNull(generator);
        using var scope = torch.NewDisposeScope();
        var perClass = request.ImagesPerClass * formation.ImagesPerStored;
        var rows = new List<long>(request.Dataset.NumClasses * perClass);
        for (var label = 0; label < request.Dataset.NumClasses; label++)
        {
            var classRows = request.Train.IndicesOf(label);
            if (classRows.Count < perClass)
            {
                throw new UserErrorException(
                    $"Class {label} has {classRows.Count} training images; cannot start {request.ImagesPerClass} synthetic images from {perClass} real ones. {remedy}");
            }

            var order = torch.randperm(classRows.Count, generator: generator).data<long>().ToArray();
            rows.AddRange(order.Take(perClass).Select(i => classRows[(int)i]));
        }

        var indices = torch.tensor(rows.ToArray(), device: request.Train.Images.device);
        return formation.Compose(request.Train.Images.index_select(0, indices)).MoveToOuterDisposeScope();
    }
}
