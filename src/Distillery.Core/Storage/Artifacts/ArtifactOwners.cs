using System.Text.RegularExpressions;

namespace Distillery.Storage.Artifacts;

/// <summary>
/// The names an artifact owner may take: lowercase letters and digits, so that <c>OWNER_COLLECTION</c> names one
/// owner's collection only. <c>tensor</c> is the workspace's own (<c>tensor_chunks</c>).
/// </summary>
public static partial class ArtifactOwners
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "tensor" };

    public static void Check(string owner)
    {
        if (owner is null || !ValidName().IsMatch(owner))
        {
            throw new ArgumentException($"Artifact owner '{owner}' is not valid: use lowercase letters and digits, starting with a letter.", nameof(owner));
        }

        if (Reserved.Contains(owner))
        {
            throw new ArgumentException($"Artifact owner '{owner}' is reserved by the workspace.", nameof(owner));
        }
    }

    /// <summary>The name of the LiteDB collection that holds <paramref name="collection"/> of <paramref name="owner"/>.</summary>
    public static string CollectionName(string owner, ArtifactCollection collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return $"{owner}_{collection.Name}";
    }

    [GeneratedRegex("^[a-z][a-z0-9]*$")]
    private static partial Regex ValidName();
}
