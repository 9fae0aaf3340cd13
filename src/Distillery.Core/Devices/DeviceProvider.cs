using Microsoft.Extensions.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Devices;

public sealed class DeviceProvider : IDeviceProvider
{
    private readonly Lazy<Device> _device;

    public DeviceProvider(IOptions<DeviceOptions> options)
    {
        var value = options.Value;
        _device = new Lazy<Device>(() => Select(value));
    }

    public Device Device => _device.Value;

    private static Device Select(DeviceOptions options)
    {
        torch.set_num_threads(options.Threads > 0 ? options.Threads : Environment.ProcessorCount);
        if (options.ReuseHeap)
        {
            HeapReuse.Apply();
        }

        return options.Device switch
        {
            "auto" => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
            "cpu" => torch.CPU,
            var cuda when cuda.StartsWith("cuda", StringComparison.Ordinal) => torch.cuda.is_available()
                ? torch.device(cuda)
                : throw new UserErrorException(
                    "--device cuda was asked for, but no CUDA device is available to libtorch. Use --device cpu, " +
                    "or build with -p:TorchBackend=cuda on a machine with an NVIDIA GPU (see README)."),
            var other => throw new UserErrorException($"Unknown device '{other}'. Use auto, cpu, cuda or cuda:N."),
        };
    }
}
