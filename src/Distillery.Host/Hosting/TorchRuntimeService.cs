using Distillery.Devices;
using Microsoft.Extensions.Hosting;

namespace Distillery.Host.Hosting;

/// <summary>Applies libtorch's thread count and heap setting when the host starts, after the options are validated.</summary>
internal sealed class TorchRuntimeService(TorchRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.Apply();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
