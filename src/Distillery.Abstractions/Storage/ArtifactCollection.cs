using System.Text.RegularExpressions;

namespace Distillery.Storage;

/// <summary>
/// A collection of documents that a plugin keeps in the workspace, named within the plugin's artifact owner (stored
/// as <c>OWNER_NAME</c>, so two plugins cannot clash), with the schema version the plugin writes. A document written
/// with a newer schema than <see cref="SchemaVersion"/> is not read: it is reported as damage that names it.
/// </summary>
public sealed partial record ArtifactCollection
{
    public ArtifactCollection(string name, int schemaVersion)
    {
        if (name is null || !ValidName().IsMatch(name))
        {
            throw new ArgumentException(
                $"Artifact collection name '{name}' is not valid: use lowercase letters, digits and '_', starting with a letter.", nameof(name));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(schemaVersion, 1);
        Name = name;
        SchemaVersion = schemaVersion;
    }

    public string Name { get; }

    /// <summary>Written into every document; the highest version this plugin reads.</summary>
    public int SchemaVersion { get; }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex ValidName();
}
