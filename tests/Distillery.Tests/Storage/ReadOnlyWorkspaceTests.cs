using Distillery.Storage;

namespace Distillery.Tests.Storage;

/// <summary>Reads open the workspace read-only: they never change the file, even a damaged one, and create none.</summary>
public sealed class ReadOnlyWorkspaceTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task ReadsOpenTheFileReadOnlyAndLeaveItsBytesAndTimeUnchanged()
    {
        await StoreTwoSetsAsync();
        var bytes = await File.ReadAllBytesAsync(_workspace.Path);
        var written = File.GetLastWriteTimeUtc(_workspace.Path);

        var reader = _workspace.Open();
        (await reader.ListSetsAsync(CancellationToken.None)).Select(s => s.Name).Should().Equal("a", "b");
        using (var set = await reader.LoadSetAsync("b", CancellationToken.None))
        {
            set.Images.shape.Should().Equal(6, 1, 4, 4);
        }

        (await reader.ListRunsAsync(CancellationToken.None)).Should().BeEmpty();
        (await reader.SetExistsAsync("a", CancellationToken.None)).Should().BeTrue();
        (await reader.Checkpoints("run").LoadAsync(CancellationToken.None)).Should().BeNull();

        reader.OpenMode.Should().Be(WorkspaceOpenMode.ReadOnly);
        (await File.ReadAllBytesAsync(_workspace.Path)).Should().Equal(bytes);
        File.GetLastWriteTimeUtc(_workspace.Path).Should().Be(written);
        File.Exists(ReadOnlyWorkspaceFile.LogPath(_workspace.Path)).Should().BeFalse();
    }

    [Fact]
    public async Task AWriteAfterReadsReopensTheFileForWriting()
    {
        await StoreTwoSetsAsync();
        var store = _workspace.Open();
        (await store.ListSetsAsync(CancellationToken.None)).Should().HaveCount(2);

        await store.DeleteSetAsync("a", CancellationToken.None);

        store.OpenMode.Should().Be(WorkspaceOpenMode.ReadWrite);
        (await _workspace.Open().ListSetsAsync(CancellationToken.None)).Select(s => s.Name).Should().Equal("b");
    }

    [Fact]
    public async Task EachReadSeesWhatAnotherConnectionCommittedSince()
    {
        var reader = _workspace.Open();
        (await reader.ListSetsAsync(CancellationToken.None)).Should().BeEmpty();

        await StoreTwoSetsAsync();

        (await reader.ListSetsAsync(CancellationToken.None)).Should().HaveCount(2);
    }

    [Fact]
    public async Task AMissingFileReadsAsAnEmptyWorkspaceAndIsNotCreated()
    {
        var store = _workspace.Open();

        (await store.ListSetsAsync(CancellationToken.None)).Should().BeEmpty();
        (await store.ListRunsAsync(CancellationToken.None)).Should().BeEmpty();
        var error = (await FluentActions.Awaiting(() => store.LoadSetAsync("x", CancellationToken.None)).Should().ThrowAsync<UserErrorException>()).Which;

        error.Message.Should().Contain("no set named 'x'");
        File.Exists(_workspace.Path).Should().BeFalse();
    }

    [Fact]
    public async Task ATruncatedFileIsReportedWithItsPathAndWhatToDoAndLeftAsItWas()
    {
        await StoreTwoSetsAsync();
        await using (var stream = new FileStream(_workspace.Path, FileMode.Open))
        {
            stream.SetLength(stream.Length - 5000);
        }

        var bytes = await File.ReadAllBytesAsync(_workspace.Path);

        var error = (await FluentActions.Awaiting(() => _workspace.Open().ListSetsAsync(CancellationToken.None)).Should().ThrowAsync<UserErrorException>()).Which;

        error.Message.Should().Contain(_workspace.Path).And.Contain("damaged").And.Contain("restore it from a copy").And.Contain("workspace check");
        error.Message.Should().NotContain("Page type");
        (await File.ReadAllBytesAsync(_workspace.Path)).Should().Equal(bytes);
    }

    [Fact]
    public async Task ADamagedPageIsReportedWithoutLiteDBsWordsAndLeftAsItWas()
    {
        await StoreTwoSetsAsync();
        await using (var stream = new FileStream(_workspace.Path, FileMode.Open))
        {
            stream.Position = WorkspaceDamage.PageSize + 40;
            stream.Write(Enumerable.Repeat((byte)0xA5, 2 * WorkspaceDamage.PageSize).ToArray());
        }

        var bytes = await File.ReadAllBytesAsync(_workspace.Path);

        var error = (await FluentActions.Awaiting(() => _workspace.Open().ListSetsAsync(CancellationToken.None)).Should().ThrowAsync<UserErrorException>()).Which;

        error.Message.Should().Contain(_workspace.Path).And.Contain("workspace check");
        (await File.ReadAllBytesAsync(_workspace.Path)).Should().Equal(bytes);
    }

    [Fact]
    public async Task ADirectoryGivenAsTheWorkspaceIsAUserErrorThatSaysSo()
    {
        var folder = Path.Combine(_workspace.Folder, "dir.db");
        Directory.CreateDirectory(folder);
        using var store = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = folder });

        var read = (await FluentActions.Awaiting(() => store.ListSetsAsync(CancellationToken.None)).Should().ThrowAsync<UserErrorException>()).Which;
        using var set = TempWorkspace.MakeSet();
        var write = (await FluentActions.Awaiting(() => store.SaveSetAsync("s", set, false, CancellationToken.None)).Should().ThrowAsync<UserErrorException>()).Which;

        read.Message.Should().Contain("is a directory");
        write.Message.Should().Contain("is a directory");
    }

    private async Task StoreTwoSetsAsync()
    {
        using var writer = new LiteDbWorkspaceStore(new WorkspaceOptions { Path = _workspace.Path });
        using var a = TempWorkspace.MakeSet(seed: 1);
        using var b = TempWorkspace.MakeSet(seed: 2);
        await writer.SaveSetAsync("a", a, overwrite: false, CancellationToken.None);
        await writer.SaveSetAsync("b", b, overwrite: false, CancellationToken.None);
    }
}
