using static TorchSharp.torch;

namespace Distillery.Devices;

/// <summary>The device this process computes on, chosen once from <see cref="DeviceOptions"/>.</summary>
public interface IDeviceProvider
{
    Device Device { get; }
}
