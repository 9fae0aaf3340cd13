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
        resolved[FileName].Should().Be(expectedPath);
        (await File.ReadAllBytesAsync(expectedPath)).Should().Equal(Content);
        Directory.GetFiles(Path.GetDirectoryName(expectedPath)!).Select(Path.GetFileName).Should().Equal([FileName]);
        var task = progress.Tasks.Should().ContainSingle().Which;
        task.Total.Should().Be(Content.Length);
        task.Done.Should().Be(Content.Length);
        task.Finished.Should().BeTrue();
        server.Requests.Should().Be(1);

        // A second resolution finds the cached copy and does not download again.
        await files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), progress, CancellationToken.None);
        server.Requests.Should().Be(1);
    }

    [Fact]
    public async Task Accepts_a_sha256_checksum()
    {
        using var server = new LocalHttpServer();
        using var files = new DatasetFilesFixture();
        var url = server.Serve("data.bin", Content);
        var file = new DatasetFile(FileName, [url], FileChecksum.Sha256(Convert.ToHexStringLower(SHA256.HashData(Content))));

        var resolved = await files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), NullProgressReporter.Instance, CancellationToken.None);

        (await File.ReadAllBytesAsync(resolved[FileName])).Should().Equal(Content);
    }

    [Fact]
    public async Task A_wrong_checksum_names_the_file_and_both_checksums_and_leaves_nothing()
    {
        using var server = new LocalHttpServer();
        using var files = new DatasetFilesFixture();
        var url = server.Serve("data.bin", Content);
        var expected = new string('0', 32);
        var file = new DatasetFile(FileName, [url], FileChecksum.Md5(expected));

        var error = (await FluentActions.Awaiting(() =>
            files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), NullProgressReporter.Instance, CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain(FileName);
        error.Message.Should().Contain($"expected MD5 {expected}");
        error.Message.Should().Contain($"found {Convert.ToHexStringLower(MD5.HashData(Content))}");
        var cache = Path.Combine(files.CacheRoot, Dataset);
        (Directory.Exists(cache) ? Directory.GetFileSystemEntries(cache) : []).Should().BeEmpty();
    }

    [Fact]
    public async Task A_wrong_size_is_refused()
    {
        using var server = new LocalHttpServer();
        using var files = new DatasetFilesFixture();
        var file = new DatasetFile(FileName, [server.Serve("data.bin", Content)], Size: Content.Length + 1);

        var error = (await FluentActions.Awaiting(() =>
            files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), NullProgressReporter.Instance, CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain($"has {Content.Length} bytes, expected {Content.Length + 1}");
        File.Exists(Path.Combine(files.CacheRoot, Dataset, FileName)).Should().BeFalse();
    }

    [Fact]
    public async Task Falls_back_to_the_next_mirror()
    {
        using var server = new LocalHttpServer();
        using var files = new DatasetFilesFixture();
        var good = server.Serve("second/data.bin", Content);
        var file = new DatasetFile(FileName, [new Uri(server.BaseAddress, "first/data.bin"), good]);

        var resolved = await files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), NullProgressReporter.Instance, CancellationToken.None);

        (await File.ReadAllBytesAsync(resolved[FileName])).Should().Equal(Content);
        server.Requests.Should().Be(2);
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
            resolved[FileName].Should().Be(path);
            File.Delete(path);
        }

        server.Requests.Should().Be(0);
    }

    [Fact]
    public async Task Finds_a_local_file_under_an_alternative_name()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var raw = Path.Combine(files.Root.Folder("system", Dataset), "data");
        await File.WriteAllBytesAsync(raw, Content);
        var file = new DatasetFile("data.gz", [new Uri("http://127.0.0.1:9/data.gz")]) { AlternativeNames = ["data"] };

        var resolved = await files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), NullProgressReporter.Instance, CancellationToken.None);

        resolved["data.gz"].Should().Be(raw);
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

        var error = (await FluentActions.Awaiting(() =>
            files.Resolver.ResolveAsync(request, NullProgressReporter.Instance, CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain(FileName);
        error.Message.Should().Contain(configured);
        error.Message.Should().Contain(Path.Combine(files.CacheRoot, Dataset));
        error.Message.Should().Contain(Path.Combine(files.SystemRoot, Dataset));
        error.Message.Should().Contain("Datasets:AllowDownload=false");
        error.Message.Should().Contain("apt-get install dataset-toy");
        error.Message.Should().Contain(url.ToString());
        error.Message.Should().Contain("--Datasets:toy:Path=");
        server.Requests.Should().Be(0);
    }

    [Fact]
    public async Task The_dataset_can_switch_downloads_off_on_its_own()
    {
        using var server = new LocalHttpServer();
        using var files = new DatasetFilesFixture();
        var request = new DatasetFileRequest(Dataset, [new DatasetFile(FileName, [server.Serve("data.bin", Content)])]) { AllowDownload = false };

        var error = (await FluentActions.Awaiting(() =>
            files.Resolver.ResolveAsync(request, NullProgressReporter.Instance, CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain("Datasets:toy:AllowDownload=false");
        server.Requests.Should().Be(0);
    }

    [Fact]
    public async Task A_failed_download_lists_each_mirror_failure()
    {
        using var server = new LocalHttpServer();
        using var files = new DatasetFilesFixture();
        var missing = new Uri(server.BaseAddress, "nowhere/data.bin");

        var error = (await FluentActions.Awaiting(() => files.Resolver.ResolveAsync(
            new DatasetFileRequest(Dataset, [new DatasetFile(FileName, [missing])]), NullProgressReporter.Instance, CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain(missing.ToString());
        error.Message.Should().Contain("404");
    }

    [Fact]
    public async Task A_configured_folder_that_does_not_exist_is_a_user_error()
    {
        using var files = new DatasetFilesFixture();
        var request = new DatasetFileRequest(Dataset, [new DatasetFile(FileName, [])]) { Folder = files.Root.Combine("absent") };

        var error = (await FluentActions.Awaiting(() =>
            files.Resolver.ResolveAsync(request, NullProgressReporter.Instance, CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain("Datasets:toy:Path");
        error.Message.Should().Contain(files.Root.Combine("absent"));
    }

    [Fact]
    public async Task Verifying_local_files_catches_a_damaged_cached_copy()
    {
        using var files = new DatasetFilesFixture(verifyLocalFiles: true);
        var path = Path.Combine(files.Root.Folder("cache", Dataset), FileName);
        await File.WriteAllBytesAsync(path, Content[..1000]);
        var file = new DatasetFile(FileName, [], FileChecksum.Md5(Convert.ToHexStringLower(MD5.HashData(Content))));

        var error = (await FluentActions.Awaiting(() =>
            files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), NullProgressReporter.Instance, CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain(path);
        error.Message.Should().Contain("checksum");
    }

    [Fact]
    public void Checksums_must_be_hexadecimal_of_the_right_length()
    {
        FluentActions.Invoking(() => FileChecksum.Md5("abc")).Should().ThrowExactly<ArgumentException>();
        FluentActions.Invoking(() => FileChecksum.Sha256(new string('g', 64))).Should().ThrowExactly<ArgumentException>();
        FileChecksum.Md5("0123456789ABCDEF0123456789ABCDEF").ToString().Should().Be("MD5 0123456789abcdef0123456789abcdef");
    }
}
