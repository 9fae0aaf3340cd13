namespace Distillery.Methods.Coresets;

public sealed class KCenterOptions : EmbeddingOptions
{
}
