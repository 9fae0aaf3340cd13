using System.Security.Cryptography;
using Distillery.Data.Files;
using Distillery.Progress;

namespace Distillery.Tests.Datasets;

public sealed class DatasetFileResolverTests
{
    private const string Dataset = "toy";
    private const string FileName = "data.bin";

    private static readonly byte[] Content = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 31 % 251)).ToArray();

    [Fact]
    public async Task Downloads_into_the_cache_and_verifies_the_checksum()
    {
        using var server = new LocalHttpServer();
        using var files = new DatasetFilesFixture();
        var url = server.Serve("mirror/data.bin", Content);
        var file = new DatasetFile(FileName, [url], FileChecksum.Md5(Convert.ToHexStringLower(MD5.HashData(Content))), Content.Length);
        var progress = new RecordingProgress();

        var resolved = await files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), progress, CancellationToken.None);

        var expectedPath = Path.Combine(files.CacheRoot, Dataset, FileName);
        Assert.Equal(expectedPath, resolved[FileName]);
        Assert.Equal(Content, await File.ReadAllBytesAsync(expectedPath));
        Assert.Equal([FileName], Directory.GetFiles(Path.GetDirectoryName(expectedPath)!).Select(Path.GetFileName));
        var task = Assert.Single(progress.Tasks);
        Assert.Equal(Content.Length, task.Total);
        Assert.Equal(Content.Length, task.Done);
        Assert.True(task.Finished);
        Assert.Equal(1, server.Requests);

        // A second resolution finds the cached copy and does not download again.
        await files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), progress, CancellationToken.None);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task Accepts_a_sha256_checksum()
    {
        using var server = new LocalHttpServer();
        using var files = new DatasetFilesFixture();
        var url = server.Serve("data.bin", Content);
        var file = new DatasetFile(FileName, [url], FileChecksum.Sha256(Convert.ToHexStringLower(SHA256.HashData(Content))));

        var resolved = await files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), NullProgressReporter.Instance, CancellationToken.None);

        Assert.Equal(Content, await File.ReadAllBytesAsync(resolved[FileName]));
    }

    [Fact]
    public async Task A_wrong_checksum_names_the_file_and_both_checksums_and_leaves_nothing()
    {
        using var server = new LocalHttpServer();
        using var files = new DatasetFilesFixture();
        var url = server.Serve("data.bin", Content);
        var expected = new string('0', 32);
        var file = new DatasetFile(FileName, [url], FileChecksum.Md5(expected));

        var error = await Assert.ThrowsAsync<UserErrorException>(() =>
            files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), NullProgressReporter.Instance, CancellationToken.None));

        Assert.Contains(FileName, error.Message);
        Assert.Contains($"expected MD5 {expected}", error.Message);
        Assert.Contains($"found {Convert.ToHexStringLower(MD5.HashData(Content))}", error.Message);
        var cache = Path.Combine(files.CacheRoot, Dataset);
        Assert.Empty(Directory.Exists(cache) ? Directory.GetFileSystemEntries(cache) : []);
    }

    [Fact]
    public async Task A_wrong_size_is_refused()
    {
        using var server = new LocalHttpServer();
        using var files = new DatasetFilesFixture();
        var file = new DatasetFile(FileName, [server.Serve("data.bin", Content)], Size: Content.Length + 1);

        var error = await Assert.ThrowsAsync<UserErrorException>(() =>
            files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), NullProgressReporter.Instance, CancellationToken.None));

        Assert.Contains($"has {Content.Length} bytes, expected {Content.Length + 1}", error.Message);
        Assert.False(File.Exists(Path.Combine(files.CacheRoot, Dataset, FileName)));
    }

    [Fact]
    public async Task Falls_back_to_the_next_mirror()
    {
        using var server = new LocalHttpServer();
        using var files = new DatasetFilesFixture();
        var good = server.Serve("second/data.bin", Content);
        var file = new DatasetFile(FileName, [new Uri(server.BaseAddress, "first/data.bin"), good]);

        var resolved = await files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), NullProgressReporter.Instance, CancellationToken.None);

        Assert.Equal(Content, await File.ReadAllBytesAsync(resolved[FileName]));
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task Honours_the_search_order_configured_folder_cache_system()
    {
        using var server = new LocalHttpServer();
        using var files = new DatasetFilesFixture();
        var file = new DatasetFile(FileName, [server.Serve("data.bin", Content)]);
        var configured = files.Root.Folder("mine");
        var placed = new[]
        {
            Path.Combine(configured, FileName),
            Path.Combine(files.Root.Folder("cache", Dataset), FileName),
            Path.Combine(files.Root.Folder("system", Dataset), FileName),
        };
        foreach (var path in placed)
        {
            await File.WriteAllTextAsync(path, path);
        }

        foreach (var path in placed)
        {
            var request = new DatasetFileRequest(Dataset, [file]) { Folder = configured };
            var resolved = await files.Resolver.ResolveAsync(request, NullProgressReporter.Instance, CancellationToken.None);
            Assert.Equal(path, resolved[FileName]);
            File.Delete(path);
        }

        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task Finds_a_local_file_under_an_alternative_name()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var raw = Path.Combine(files.Root.Folder("system", Dataset), "data");
        await File.WriteAllBytesAsync(raw, Content);
        var file = new DatasetFile("data.gz", [new Uri("http://127.0.0.1:9/data.gz")]) { AlternativeNames = ["data"] };

        var resolved = await files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), NullProgressReporter.Instance, CancellationToken.None);

        Assert.Equal(raw, resolved["data.gz"]);
    }

    [Fact]
    public async Task Without_downloads_a_missing_file_says_where_it_looked_and_how_to_get_it()
    {
        using var server = new LocalHttpServer();
        using var files = new DatasetFilesFixture(allowDownload: false);
        var url = server.Serve("data.bin", Content);
        var configured = files.Root.Folder("mine");
        var request = new DatasetFileRequest(Dataset, [new DatasetFile(FileName, [url])])
        {
            Folder = configured,
            SystemPackage = "dataset-toy",
        };

        var error = await Assert.ThrowsAsync<UserErrorException>(() =>
            files.Resolver.ResolveAsync(request, NullProgressReporter.Instance, CancellationToken.None));

        Assert.Contains(FileName, error.Message);
        Assert.Contains(configured, error.Message);
        Assert.Contains(Path.Combine(files.CacheRoot, Dataset), error.Message);
        Assert.Contains(Path.Combine(files.SystemRoot, Dataset), error.Message);
        Assert.Contains("Datasets:AllowDownload=false", error.Message);
        Assert.Contains("apt-get install dataset-toy", error.Message);
        Assert.Contains(url.ToString(), error.Message);
        Assert.Contains("--Datasets:toy:Path=", error.Message);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task The_dataset_can_switch_downloads_off_on_its_own()
    {
        using var server = new LocalHttpServer();
        using var files = new DatasetFilesFixture();
        var request = new DatasetFileRequest(Dataset, [new DatasetFile(FileName, [server.Serve("data.bin", Content)])]) { AllowDownload = false };

        var error = await Assert.ThrowsAsync<UserErrorException>(() =>
            files.Resolver.ResolveAsync(request, NullProgressReporter.Instance, CancellationToken.None));

        Assert.Contains("Datasets:toy:AllowDownload=false", error.Message);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task A_failed_download_lists_each_mirror_failure()
    {
        using var server = new LocalHttpServer();
        using var files = new DatasetFilesFixture();
        var missing = new Uri(server.BaseAddress, "nowhere/data.bin");

        var error = await Assert.ThrowsAsync<UserErrorException>(() => files.Resolver.ResolveAsync(
            new DatasetFileRequest(Dataset, [new DatasetFile(FileName, [missing])]), NullProgressReporter.Instance, CancellationToken.None));

        Assert.Contains(missing.ToString(), error.Message);
        Assert.Contains("404", error.Message);
    }

    [Fact]
    public async Task A_configured_folder_that_does_not_exist_is_a_user_error()
    {
        using var files = new DatasetFilesFixture();
        var request = new DatasetFileRequest(Dataset, [new DatasetFile(FileName, [])]) { Folder = files.Root.Combine("absent") };

        var error = await Assert.ThrowsAsync<UserErrorException>(() =>
            files.Resolver.ResolveAsync(request, NullProgressReporter.Instance, CancellationToken.None));

        Assert.Contains("Datasets:toy:Path", error.Message);
        Assert.Contains(files.Root.Combine("absent"), error.Message);
    }

    [Fact]
    public async Task Verifying_local_files_catches_a_damaged_cached_copy()
    {
        using var files = new DatasetFilesFixture(verifyLocalFiles: true);
        var path = Path.Combine(files.Root.Folder("cache", Dataset), FileName);
        await File.WriteAllBytesAsync(path, Content[..1000]);
        var file = new DatasetFile(FileName, [], FileChecksum.Md5(Convert.ToHexStringLower(MD5.HashData(Content))));

        var error = await Assert.ThrowsAsync<UserErrorException>(() =>
            files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), NullProgressReporter.Instance, CancellationToken.None));

        Assert.Contains(path, error.Message);
        Assert.Contains("checksum", error.Message);
    }

    [Fact]
    public void Checksums_must_be_hexadecimal_of_the_right_length()
    {
        Assert.Throws<ArgumentException>(() => FileChecksum.Md5("abc"));
        Assert.Throws<ArgumentException>(() => FileChecksum.Sha256(new string('g', 64)));
        Assert.Equal("MD5 0123456789abcdef0123456789abcdef", FileChecksum.Md5("0123456789ABCDEF0123456789ABCDEF").ToString());
    }
}
