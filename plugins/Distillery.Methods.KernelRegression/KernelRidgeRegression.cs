using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Methods.KernelRegression;

/// <summary>
/// Kernel ridge regression with the linear kernel of features: fits the support set's targets and predicts those of
/// other rows, <c>K_ts (K_ss + λ·tr(K_ss)/n·I)⁻¹ Y_s</c> with <c>K_ss = F_s F_sᵀ</c> and <c>K_ts = F_t F_sᵀ</c>.
/// The kernels and the solve are in float64 (a Cholesky factorisation and its triangular solves), so that a small
/// ridge on a nearly singular kernel stays accurate; the prediction comes back in the features' type. Differentiable
/// with respect to both feature sets and the targets.
/// </summary>
internal static class KernelRidgeRegression
{
    /// <summary>Predicts the targets of <paramref name="targetFeatures"/> <c>[m, d]</c> from the support <c>[n, d]</c> and its targets <c>[n, k]</c>.</summary>
    /// <exception cref="UserErrorException">The regularised kernel is not positive definite (features all zero or not finite).</exception>
    public static Tensor Predict(Tensor targetFeatures, Tensor supportFeatures, Tensor supportTargets, double ridge)
    {
        ArgumentNullException.ThrowIfNull(targetFeatures);
        ArgumentNullException.ThrowIfNull(supportFeatures);
        ArgumentNullException.ThrowIfNull(supportTargets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ridge);
        using var scope = torch.NewDisposeScope();
        var support = supportFeatures.to_type(ScalarType.Float64);
        var target = targetFeatures.to_type(ScalarType.Float64);
        var kss = support.mm(support.t());
        var kts = target.mm(support.t());
        var n = kss.shape[0];
        var regularised = kss + torch.eye(n, dtype: ScalarType.Float64, device: kss.device).mul(kss.trace().mul(ridge / n));
        var (factor, info) = torch.linalg.cholesky_ex(regularised);
        if (info.item<int>() != 0)
        {
            throw new UserErrorException(
                $"Kernel ridge regression failed: the regularised feature kernel is not positive definite (the features are all zero or not finite). " +
                $"Raise {KernelRegressionOptions.Setting(nameof(KernelRegressionOptions.Ridge))} or lower {KernelRegressionOptions.Setting(nameof(KernelRegressionOptions.LearningRateImages))}.");
        }

        var weights = torch.cholesky_solve(supportTargets.to_type(ScalarType.Float64), factor);
        return kts.mm(weights).to_type(targetFeatures.dtype).MoveToOuterDisposeScope();
    }
}
