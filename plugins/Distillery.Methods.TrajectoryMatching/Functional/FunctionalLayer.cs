using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distillery.Methods.TrajectoryMatching.Functional;

/// <summary>
/// One layer of a network, computed from weights read out of a flat parameter vector instead of the module's own, so
/// that a forward pass is differentiable with respect to the vector. Built from the module, whose settings (padding,
/// stride, groups, epsilon) it copies.
/// </summary>
internal abstract class FunctionalLayer
{
    public abstract Tensor Forward(Tensor input, Tensor flat, ParameterLayout layout);

    /// <summary>The layer that computes <paramref name="module"/>, named <paramref name="name"/> in its network; null when it is not supported.</summary>
    public static FunctionalLayer? For(string name, nn.Module module) => module switch
    {
        Conv2d conv when conv.padding_type is null && conv.padding_mode == PaddingModes.Zeros => new Convolution(name, conv.stride, conv.padding ?? [0, 0], conv.dilation, conv.groups, conv.bias is not null),
        GroupNorm norm when norm.affine => new GroupNormalization(name, norm.num_groups, norm.eps),
        ReLU => new Relu(),
        Sigmoid => new SigmoidLayer(),
        AvgPool2d pool when pool.divisor_override is null => new AveragePooling(pool.kernel_size, pool.stride ?? pool.kernel_size, pool.padding ?? [0, 0], pool.ceil_mode, pool.count_include_pad),
        MaxPool2d pool => new MaxPooling(pool.kernel_size, pool.stride ?? pool.kernel_size, pool.padding ?? [0, 0], pool.dilation ?? [1, 1], pool.ceil_mode),
        Flatten => new FlattenLayer(),
        Linear linear => new LinearLayer(name, linear.bias is not null),
        _ => null,
    };

    private static string Child(string name, string parameter) => name.Length == 0 ? parameter : $"{name}.{parameter}";

    private sealed class Convolution(string name, long[] stride, long[] padding, long[] dilation, long groups, bool hasBias) : FunctionalLayer
    {
        public override Tensor Forward(Tensor input, Tensor flat, ParameterLayout layout)
        {
            using var weight = layout.View(flat, Child(name, "weight"));
            using var bias = hasBias ? layout.View(flat, Child(name, "bias")) : null;
            return nn.functional.conv2d(input, weight, bias, stride, padding, dilation, groups);
        }
    }

    private sealed class GroupNormalization(string name, long groups, double eps) : FunctionalLayer
    {
        public override Tensor Forward(Tensor input, Tensor flat, ParameterLayout layout)
        {
            using var weight = layout.View(flat, Child(name, "weight"));
            using var bias = layout.View(flat, Child(name, "bias"));
            return nn.functional.group_norm(input, groups, weight, bias, eps);
        }
    }

    private sealed class Relu : FunctionalLayer
    {
        public override Tensor Forward(Tensor input, Tensor flat, ParameterLayout layout) => nn.functional.relu(input);
    }

    private sealed class SigmoidLayer : FunctionalLayer
    {
        public override Tensor Forward(Tensor input, Tensor flat, ParameterLayout layout) => torch.sigmoid(input);
    }

    private sealed class AveragePooling(long[] kernel, long[] stride, long[] padding, bool ceil, bool countPadding) : FunctionalLayer
    {
        public override Tensor Forward(Tensor input, Tensor flat, ParameterLayout layout) =>
            nn.functional.avg_pool2d(input, kernel, stride, padding, ceil, countPadding, null);
    }

    private sealed class MaxPooling(long[] kernel, long[] stride, long[] padding, long[] dilation, bool ceil) : FunctionalLayer
    {
        public override Tensor Forward(Tensor input, Tensor flat, ParameterLayout layout) =>
            nn.functional.max_pool2d(input, kernel, stride, padding, dilation, ceil);
    }

    private sealed class FlattenLayer : FunctionalLayer
    {
        public override Tensor Forward(Tensor input, Tensor flat, ParameterLayout layout) => input.flatten(1);
    }

    private sealed class LinearLayer(string name, bool hasBias) : FunctionalLayer
    {
        public override Tensor Forward(Tensor input, Tensor flat, ParameterLayout layout)
        {
            using var weight = layout.View(flat, Child(name, "weight"));
            using var bias = hasBias ? layout.View(flat, Child(name, "bias")) : null;
            using var rows = input.dim() > 2 ? input.flatten(1) : input.alias();
            return nn.functional.linear(rows, weight, bias);
        }
    }
}
