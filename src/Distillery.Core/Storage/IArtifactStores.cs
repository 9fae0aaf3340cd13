namespace Distillery.Storage;

/// <summary>Opens the artifact store of an owner in the workspace; the host hands each plugin the one it claimed.</summary>
public interface IArtifactStores
{
    /// <exception cref="ArgumentException">The owner name is not valid or is reserved by the workspace.</exception>
    IArtifactStore For(string owner);
}
