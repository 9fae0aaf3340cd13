using static TorchSharp.torch;

namespace Distillery.Nas.Evaluators.ZeroCost;

/// <summary>The <c>params</c> score: the number of trainable parameters (more is taken as better, as in the NAS literature's baseline).</summary>
internal static class ParameterCount
{
    public static long Of(nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
    }
}
