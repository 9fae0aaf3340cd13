using Microsoft.Extensions.Options;
using static TorchSharp.torch;

namespace Distillery.Methods.Coresets;

internal sealed class KCenterMethod(EmbeddingExtractor extractor, IOptions<KCenterOptions> options)
    : EmbeddingCoresetMethod(extractor, options.Value, "kcenter")
{
    protected override long[] Select(Tensor features, int count) => KCenter.Select(features, count);
}
