using Microsoft.Extensions.Options;
using static TorchSharp.torch;

namespace Distillery.Methods.Coresets;

internal sealed class HerdingMethod(EmbeddingExtractor extractor, IOptions<HerdingOptions> options)
    : EmbeddingCoresetMethod(extractor, options.Value, "herding")
{
    protected override long[] Select(Tensor features, int count) => Herding.Select(features, count);
}
