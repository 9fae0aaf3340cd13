using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Distillery.Methods.TrajectoryMatching.Experts;

/// <summary>
/// Everything an expert trajectory depends on: the network (architecture name and parameter layout), the data (dataset
/// name and a fingerprint of the training images and labels), the optimiser settings and the seed. Two runs with equal
/// settings share their experts; <see cref="Key"/> names them in the workspace.
/// </summary>
internal sealed record ExpertSettings(
    string Architecture,
    string Layout,
    string Dataset,
    string Data,
    int Epochs,
    double LearningRate,
    int Batch,
    int Images,
    string Augmentation,
    long Seed)
{
    /// <summary>A readable prefix (architecture, dataset) and a hash of every setting.</summary>
    public string Key
    {
        get
        {
            var text = string.Join(
                "|",
                Architecture,
                Layout,
                Dataset,
                Data,
                Epochs.ToString(CultureInfo.InvariantCulture),
                LearningRate.ToString("R", CultureInfo.InvariantCulture),
                "momentum=0",
                Batch.ToString(CultureInfo.InvariantCulture),
                Images.ToString(CultureInfo.InvariantCulture),
                Augmentation,
                Seed.ToString(CultureInfo.InvariantCulture));
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
            return $"{Architecture}/{Dataset}/{hash}";
        }
    }

    /// <summary>The id of expert <paramref name="index"/> (0-based).</summary>
    public string IdOf(int index) => string.Create(CultureInfo.InvariantCulture, $"{Key}/expert{index:D4}");
}
