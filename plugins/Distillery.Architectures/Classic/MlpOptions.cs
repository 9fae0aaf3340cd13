using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Distillery.Architectures.Classic;

/// <summary>Options of <c>mlp</c> (section <c>Architectures:mlp</c>).</summary>
internal sealed class MlpOptions
{
    [Description("Units in each of the two hidden layers; the reference uses 128.")]
    [Range(1, 65536)]
    public int HiddenWidth { get; set; } = 128;
}
