using LiteDB;

namespace Distillery.Storage.Documents;

/// <summary>Maps a <see cref="RunRecord"/> to its document and back.</summary>
internal static class RunDocument
{
    public static BsonDocument ToBson(RunRecord run) => new()
    {
        ["_id"] = run.Id,
        [WorkspaceSchema.SchemaField] = WorkspaceSchema.Version,
        ["kind"] = run.Kind,
        ["status"] = run.Status,
        ["startedAt"] = BsonFields.Time(run.StartedAt),
        ["finishedAt"] = run.FinishedAt is { } finished ? BsonFields.Time(finished) : BsonValue.Null,
        ["setName"] = run.SetName is { } setName ? setName : BsonValue.Null,
        ["json"] = run.Json,
    };

    public static RunRecord FromBson(BsonDocument document) => new()
    {
        Id = BsonFields.String(document, "_id"),
        Kind = BsonFields.String(document, "kind"),
        Status = BsonFields.String(document, "status"),
        StartedAt = BsonFields.Time(document, "startedAt"),
        FinishedAt = BsonFields.OptionalTime(document, "finishedAt"),
        SetName = BsonFields.OptionalString(document, "setName"),
        Json = BsonFields.String(document, "json"),
    };
}
