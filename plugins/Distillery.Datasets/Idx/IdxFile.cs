using System.Buffers.Binary;
using System.IO.Compression;

namespace Distillery.Datasets.Idx;

/// <summary>
/// Reads IDX files of unsigned bytes (the MNIST format), gzip-compressed or not (told apart by their first bytes).
/// Every problem throws a <see cref="UserErrorException"/> naming the file.
/// </summary>
internal static class IdxFile
{
    private const byte UnsignedByteType = 0x08;

    public static IdxArray Read(string path, int dimensions)
    {
        try
        {
            using var stream = OpenDecompressed(path);
            Span<byte> magic = stackalloc byte[4];
            ReadHeader(stream, magic, path, "its magic number");
            if (magic[0] != 0 || magic[1] != 0 || magic[2] != UnsignedByteType || magic[3] != dimensions)
            {
                throw new UserErrorException(
                    $"'{path}' is not an IDX file of {dimensions}-dimensional unsigned bytes: its magic number is "
                    + $"0x{Convert.ToHexString(magic)}, expected 0x0000080{dimensions}. Replace the file with the original.");
            }

            var shape = new int[dimensions];
            Span<byte> dimension = stackalloc byte[4];
            long length = 1;
            for (var i = 0; i < dimensions; i++)
            {
                ReadHeader(stream, dimension, path, "its dimensions");
                shape[i] = BinaryPrimitives.ReadInt32BigEndian(dimension);
                if (shape[i] < 0)
                {
                    throw new UserErrorException($"'{path}' has a negative dimension ({shape[i]}) in its header; the file is corrupt.");
                }

                length *= shape[i];
            }

            if (length > Array.MaxLength)
            {
                throw new UserErrorException($"'{path}' declares {length} values in its header, more than can be read; the file is corrupt.");
            }

            var data = new byte[length];
            var read = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
            if (read < data.Length)
            {
                throw new UserErrorException(
                    $"'{path}' is truncated: its header declares [{string.Join(", ", shape)}] = {length} bytes of data, "
                    + $"but it holds only {read}. Download it again.");
            }

            return new IdxArray(shape, data);
        }
        catch (InvalidDataException e)
        {
            throw new UserErrorException($"'{path}' is not a valid gzip file ({e.Message}). Download it again.", e);
        }
    }

    private static Stream OpenDecompressed(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var first = file.ReadByte();
        var second = file.ReadByte();
        file.Position = 0;
        return first == 0x1f && second == 0x8b ? new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16) : file;
    }

    private static void ReadHeader(Stream stream, Span<byte> buffer, string path, string what)
    {
        if (stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
        {
            throw new UserErrorException($"'{path}' is truncated: it ends before {what}. Download it again.");
        }
    }
}
