namespace Distillery.Methods.Coresets;

internal sealed class HerdingOptions : EmbeddingOptions
{
}
