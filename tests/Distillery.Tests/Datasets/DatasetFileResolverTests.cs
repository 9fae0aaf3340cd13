using System.Security.Cryptography;
using Distillery.Data.Files;
using Distillery.Progress;
using Distillery.Tests.Kit;

namespace Distillery.Tests.Datasets;

public sealed class DatasetFileResolverTests
{
    private const string Dataset = "toy";
    private const string FileName = "data.bin";

    private static readonly byte[] Content = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 31 % 251)).ToArray();

    [Fact]
    public async Task DownloadsIntoTheCacheAndVerifiesTheChecksum()
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
    public async Task AcceptsASha256Checksum()
    {
        using var server = new LocalHttpServer();
        using var files = new DatasetFilesFixture();
        var url = server.Serve("data.bin", Content);
        var file = new DatasetFile(FileName, [url], FileChecksum.Sha256(Convert.ToHexStringLower(SHA256.HashData(Content))));

        var resolved = await files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), NullProgressReporter.Instance, CancellationToken.None);

        (await File.ReadAllBytesAsync(resolved[FileName])).Should().Equal(Content);
    }

    [Fact]
    public async Task AWrongChecksumNamesTheFileAndBothChecksumsAndLeavesNothing()
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
    public async Task AWrongSizeIsRefused()
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
    public async Task FallsBackToTheNextMirror()
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
    public async Task HonoursTheSearchOrderConfiguredFolderCacheSystem()
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
    public async Task FindsALocalFileUnderAnAlternativeName()
    {
        using var files = new DatasetFilesFixture(allowDownload: false);
        var raw = Path.Combine(files.Root.Folder("system", Dataset), "data");
        await File.WriteAllBytesAsync(raw, Content);
        var file = new DatasetFile("data.gz", [new Uri("http://127.0.0.1:9/data.gz")]) { AlternativeNames = ["data"] };

        var resolved = await files.Resolver.ResolveAsync(new DatasetFileRequest(Dataset, [file]), NullProgressReporter.Instance, CancellationToken.None);

        resolved["data.gz"].Should().Be(raw);
    }

    [Fact]
    public async Task WithoutDownloadsAMissingFileSaysWhereItLookedAndHowToGetIt()
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
    public async Task TheDatasetCanSwitchDownloadsOffOnItsOwn()
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
    public async Task AFailedDownloadListsEachMirrorFailure()
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
    public async Task AConfiguredFolderThatDoesNotExistIsAUserError()
    {
        using var files = new DatasetFilesFixture();
        var request = new DatasetFileRequest(Dataset, [new DatasetFile(FileName, [])]) { Folder = files.Root.Combine("absent") };

        var error = (await FluentActions.Awaiting(() =>
            files.Resolver.ResolveAsync(request, NullProgressReporter.Instance, CancellationToken.None)).Should().ThrowExactlyAsync<UserErrorException>()).Which;

        error.Message.Should().Contain("Datasets:toy:Path");
        error.Message.Should().Contain(files.Root.Combine("absent"));
    }

    [Fact]
    public async Task VerifyingLocalFilesCatchesADamagedCachedCopy()
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
    public void ChecksumsMustBeHexadecimalOfTheRightLength()
    {
        FluentActions.Invoking(() => FileChecksum.Md5("abc")).Should().ThrowExactly<ArgumentException>();
        FluentActions.Invoking(() => FileChecksum.Sha256(new string('g', 64))).Should().ThrowExactly<ArgumentException>();
        FileChecksum.Md5("0123456789ABCDEF0123456789ABCDEF").ToString().Should().Be("MD5 0123456789abcdef0123456789abcdef");
    }
}
