using Microsoft.Extensions.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Devices;

/// <summary>Chooses the device once, when first asked; the thread count and heap are <see cref="TorchRuntime"/>'s.</summary>
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
        return options.Device switch
        {
            "auto" => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
            "cpu" => torch.CPU,
            var cuda when cuda.StartsWith("cuda", StringComparison.Ordinal) => torch.cuda.is_available()
                ? torch.device(cuda)
                : throw new UserErrorException(
                    "The device is set to cuda, but no CUDA device is available to libtorch. Set it to cpu, " +
                    "or build with -p:TorchBackend=cuda on a machine with an NVIDIA GPU (see README).")
                {
                    Setting = "Device",
                    Value = cuda,
                },
            var other => throw new UserErrorException($"Unknown device '{other}'. Use auto, cpu, cuda or cuda:N."),
        };
    }
}
