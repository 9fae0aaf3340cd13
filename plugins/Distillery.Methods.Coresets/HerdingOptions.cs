namespace Distillery.Methods.Coresets;

public sealed class HerdingOptions : EmbeddingOptions
{
}
