using System.Globalization;
using System.Reflection;
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

    /// <summary>The libtorch backend this build carries: <c>cpu</c> or <c>cuda</c> (<c>-p:TorchBackend</c>).</summary>
    public static string Backend { get; } = typeof(DeviceProvider).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "TorchBackend")?.Value ?? "cpu";

    /// <summary>Why <paramref name="requested"/> cannot be used when libtorch sees <paramref name="available"/> CUDA devices.</summary>
    internal static string NoCuda(string requested, string backend, int available)
    {
        if (!string.Equals(backend, "cuda", StringComparison.OrdinalIgnoreCase))
        {
            return $"The device is set to {requested}, but this build of Distillery carries the CPU build of libtorch " +
                "(TorchBackend=cpu), which has no CUDA. Build it with -p:TorchBackend=cuda on a machine with an NVIDIA GPU " +
                "(see README, GPU), or set the device to cpu.";
        }

        return available == 0
            ? $"The device is set to {requested}, but libtorch finds no CUDA device: check that the NVIDIA driver sees the " +
                "GPU (nvidia-smi) and that CUDA_VISIBLE_DEVICES does not hide it, or set the device to cpu."
            : $"The device is set to {requested}, but libtorch finds {available} CUDA device(s), " +
                $"cuda:0 to cuda:{(available - 1).ToString(CultureInfo.InvariantCulture)}.";
    }

    private static Device Select(DeviceOptions options)
    {
        return options.Device switch
        {
            "auto" => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
            "cpu" => torch.CPU,
            var cuda when cuda.StartsWith("cuda", StringComparison.Ordinal) => Cuda(cuda),
            var other => throw new UserErrorException($"Unknown device '{other}'. Use auto, cpu, cuda or cuda:N."),
        };
    }

    private static Device Cuda(string requested)
    {
        var available = torch.cuda.is_available() ? torch.cuda.device_count() : 0;
        var index = requested.Length > 5 ? int.Parse(requested.AsSpan(5), CultureInfo.InvariantCulture) : 0;
        if (index < available)
        {
            return torch.device(requested);
        }

        throw new UserErrorException(NoCuda(requested, Backend, available))
        {
            Setting = "Device",
            Value = requested,
        };
    }
}
