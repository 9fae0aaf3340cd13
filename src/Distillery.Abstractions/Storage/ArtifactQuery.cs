namespace Distillery.Storage;

/// <summary>
/// Which documents to list or delete: those whose id starts with <see cref="IdPrefix"/> and whose fields equal the
/// given values (strings, integers, booleans). Field names are the documents' JSON names (camelCase).
/// </summary>
public sealed record ArtifactQuery
{
    public string? IdPrefix { get; init; }

    public IReadOnlyList<KeyValuePair<string, object>> Fields { get; init; } = [];

    public static ArtifactQuery IdStartsWith(string prefix) => new() { IdPrefix = prefix };

    public static ArtifactQuery Where(string field, object value) => new ArtifactQuery().And(field, value);

    public ArtifactQuery And(string field, object value)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentNullException.ThrowIfNull(value);
        return this with { Fields = [.. Fields, new(field, value)] };
    }
}
