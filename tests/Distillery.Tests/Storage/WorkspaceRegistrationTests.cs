using Distillery.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Distillery.Tests.Storage;

public sealed class WorkspaceRegistrationTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    [Fact]
    public async Task RegistersOneLazyStoreBoundToTheWorkspaceSection()
    {
        using var provider = Build(new() { ["Workspace:Path"] = _workspace.Path, ["Workspace:ChunkBytes"] = "2048" });

        var store = provider.GetRequiredService<IWorkspaceStore>();

        store.Should().BeSameAs(provider.GetRequiredService<LiteDbWorkspaceStore>());
        provider.GetRequiredService<IOptions<WorkspaceOptions>>().Value.ChunkBytes.Should().Be(2048);
        File.Exists(_workspace.Path).Should().BeFalse();
        (await store.ListRunsAsync(CancellationToken.None)).Should().BeEmpty();
        File.Exists(_workspace.Path).Should().BeFalse("a read does not create the file");
        await store.DeleteCheckpointsAsync("nothing", CancellationToken.None);
        File.Exists(_workspace.Path).Should().BeTrue();
    }

    [Theory]
    [InlineData("Workspace:Path", "")]
    [InlineData("Workspace:ChunkBytes", "10")]
    [InlineData("Workspace:ChunkBytes", "20000000")]
    public void RejectsBadOptions(string key, string value)
    {
        using var provider = Build(new() { [key] = value });

        var error = FluentActions.Invoking(() => provider.GetRequiredService<IOptions<WorkspaceOptions>>().Value).Should().ThrowExactly<OptionsValidationException>().Which;

        error.Message.Should().Contain(key.Split(':')[1]);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddWorkspaceStore(configuration).BuildServiceProvider();
    }

    public void Dispose() => _workspace.Dispose();
}
