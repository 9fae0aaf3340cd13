using System.Buffers;
using Distillery.Progress;

namespace Distillery.Data.Files;

/// <summary>
/// Downloads one dataset file from one address: into a temporary file next to the destination, hashing as it goes,
/// then, if the size and checksum match, moved onto the destination in one step. Nothing is left behind on failure.
/// </summary>
public sealed class DatasetFileDownloader(IHttpClientFactory httpClients)
{
    /// <summary>The name of the <see cref="HttpClient"/> it asks the factory for.</summary>
    public const string HttpClientName = "Distillery.DatasetFiles";

    private const int BufferSize = 1 << 16;

    /// <summary>
    /// Downloads <paramref name="file"/> from <paramref name="address"/> to <paramref name="destination"/>.
    /// A size or checksum mismatch throws a <see cref="UserErrorException"/>; a transport failure throws
    /// <see cref="HttpRequestException"/> or <see cref="IOException"/>.
    /// </summary>
    public async Task DownloadAsync(
        DatasetFile file, Uri address, string destination, IProgressReporter progress, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(destination)}.{Path.GetRandomFileName()}.part");
        try
        {
            var (length, hash) = await CopyToFileAsync(file, address, temporary, progress, cancellationToken).ConfigureAwait(false);
            Verify(file, address, length, hash);
            File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private async Task<(long Length, byte[]? Hash)> CopyToFileAsync(
        DatasetFile file, Uri address, string temporary, IProgressReporter progress, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        using var response = await client.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var total = response.Content.Headers.ContentLength ?? file.Size ?? 0;

        using var hash = file.Checksum?.CreateHash();
        using var task = progress.Start($"Downloading {file.Name}", total);
        await using var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long length = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash?.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                length += read;
                task.Advance(read);
            }

            await target.FlushAsync(cancellationToken).ConfigureAwait(false);
            return (length, hash?.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Verify(DatasetFile file, Uri address, long length, byte[]? hash)
    {
        if (file.Size is { } size && size != length)
        {
            throw new UserErrorException(
                $"The download of '{file.Name}' from {address} has {length} bytes, expected {size}; it was deleted.");
        }

        if (file.Checksum is { } checksum && hash is not null && !checksum.Matches(hash))
        {
            throw new UserErrorException(
                $"The download of '{file.Name}' from {address} failed its checksum: expected {checksum}, found {Convert.ToHexStringLower(hash)}; it was deleted.");
        }
    }
}
