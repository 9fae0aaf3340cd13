using Distillery.Tests.Host;

namespace Distillery.Tests.Kit;

/// <summary>
/// The global options that point a host run at a temporary workspace and output folder, the built-in plugins and the
/// committed Fashion-MNIST fixture, with downloads off.
/// </summary>
internal static class FixtureHost
{
    public static string FashionMnist { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Datasets", "fashion-mnist");

    public static string[] Arguments(TemporaryFolder temp) =>
    [
        "--workspace", temp.Combine("work.db"),
        "--plugins", RepositoryPaths.BuiltInPlugins,
        "--device", "cpu",
        $"--Datasets:fashion-mnist:Path={FashionMnist}",
        "--Datasets:AllowDownload=false",
        $"--Output:Directory={temp.Combine("out")}",
    ];
}
