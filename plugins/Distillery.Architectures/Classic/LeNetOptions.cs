namespace Distillery.Architectures.Classic;

/// <summary>Options of <c>lenet</c> (section <c>Architectures:lenet</c>). It follows the reference and has no settings.</summary>
internal sealed class LeNetOptions
{
}
