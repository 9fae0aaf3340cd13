using Distillery.Components;
namespace Distillery.Networks;

/// <summary>
/// A family of networks. Architectures are named <c>name</c> or <c>name:variant</c> on the command line;
/// the part after the colon reaches <see cref="Create"/> as <see cref="NetworkSpec.Variant"/>.
/// <see cref="Create"/> draws the initial weights from torch's global generator; call it only through
/// <see cref="INetworkFactory"/>, the only way networks are made with a seed: it seeds that generator for the one
/// call and restores it afterwards.
/// </summary>
[ComponentKind("architecture", ComponentSections.Architectures)]
public interface IArchitecture
{
    /// <summary>Every variant this architecture can build, by name (empty when it has none).</summary>
    IReadOnlyList<string> Variants { get; }

    /// <summary>Builds a fresh network. An unknown variant throws a <see cref="UserErrorException"/>.</summary>
    Network Create(NetworkSpec spec);
}
