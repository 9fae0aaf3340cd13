using Distillery.Data.Files;
using Distillery.Tests.Kit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Distillery.Tests.Datasets;

/// <summary>A resolver built the way the host builds it, with its cache and system folders inside a temporary folder.</summary>
internal sealed class DatasetFilesFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public DatasetFilesFixture(bool allowDownload = true, bool verifyLocalFiles = false)
    {
        CacheRoot = Root.Folder("cache");
        SystemRoot = Root.Folder("system");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Datasets:CacheRoot"] = CacheRoot,
                ["Datasets:SystemRoot"] = SystemRoot,
                ["Datasets:AllowDownload"] = allowDownload.ToString(),
                ["Datasets:VerifyLocalFiles"] = verifyLocalFiles.ToString(),
                ["Datasets:ConnectTimeoutSeconds"] = "10",
            })
            .Build();
        _services = new ServiceCollection().AddDatasetFiles(configuration).BuildServiceProvider(validateScopes: true);
        Resolver = _services.GetRequiredService<IDatasetFileResolver>();
    }

    public TemporaryFolder Root { get; } = new();

    public string CacheRoot { get; }

    public string SystemRoot { get; }

    public IDatasetFileResolver Resolver { get; }

    public void Dispose()
    {
        _services.Dispose();
        Root.Dispose();
    }
}
