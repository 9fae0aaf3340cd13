namespace Distillery.Methods.Coresets;

internal sealed class KCenterOptions : EmbeddingOptions
{
}
