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

        Assert.Same(provider.GetRequiredService<LiteDbWorkspaceStore>(), store);
        Assert.Equal(2048, provider.GetRequiredService<IOptions<WorkspaceOptions>>().Value.ChunkBytes);
        Assert.False(File.Exists(_workspace.Path));
        Assert.Empty(await store.ListRunsAsync(CancellationToken.None));
        Assert.True(File.Exists(_workspace.Path));
    }

    [Theory]
    [InlineData("Workspace:Path", "")]
    [InlineData("Workspace:ChunkBytes", "10")]
    [InlineData("Workspace:ChunkBytes", "20000000")]
    public void RejectsBadOptions(string key, string value)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WorkspaceOptions>>().Value);

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddWorkspaceStore(configuration).BuildServiceProvider();
    }

    public void Dispose() => _workspace.Dispose();
}
