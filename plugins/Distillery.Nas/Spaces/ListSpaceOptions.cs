using System.ComponentModel;

namespace Distillery.Nas.Spaces;

/// <summary>The candidates of the list space: architecture names, as <c>distill --arch</c> takes them.</summary>
internal sealed class ListSpaceOptions
{
    [Description("Architecture names, e.g. convnet:d3-w64-relu-batchnorm-maxpool, resnet18, vgg11:bn.")]
    public string[]? Candidates { get; set; }
}
