namespace Distillery.Data.Files;

/// <summary>A local folder searched for a dataset's files, and what it is (shown in errors).</summary>
public sealed record DatasetFolder(string Path, string Description);
