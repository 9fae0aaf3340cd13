using System.Text;

namespace Distillery.Storage;

/// <summary>
/// Recognizes a LiteDB 5 data file by its header page. LiteDB itself would treat a short file of another kind as an
/// empty database and write over it; checking first keeps a user's file intact.
/// </summary>
internal static class WorkspaceFileFormat
{
    private const int MarkerOffset = 32;
    private const int VersionOffset = 59;
    private const byte FileVersion = 8;
    private static readonly byte[] Marker = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>True if the file is missing or empty (a new workspace) or starts with a LiteDB 5 header.</summary>
    public static bool IsNewOrLiteDb(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            return true;
        }

        var header = new byte[VersionOffset + 1];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return read == header.Length
            && header.AsSpan(MarkerOffset, Marker.Length).SequenceEqual(Marker)
            && header[VersionOffset] == FileVersion;
    }
}
