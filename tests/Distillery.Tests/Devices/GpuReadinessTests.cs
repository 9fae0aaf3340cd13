using Distillery.Devices;
using Distillery.Randomness;
using Distillery.Training;
using Microsoft.Extensions.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace Distillery.Tests.Devices;

/// <summary>
/// What can be checked of the GPU path without a GPU: a CUDA request explains itself, TF32 is off unless asked for, and
/// random draws are made by a generator on the run's device, with the CPU's numbers unchanged.
/// </summary>
public sealed class GpuReadinessTests
{
    [Fact]
    public void TheDefaultBuildCarriesTheCpuBackend() => DeviceProvider.Backend.Should().Be("cpu");

    [Theory]
    [InlineData("cuda")]
    [InlineData("cuda:1")]
    public void ACudaRequestToTheCpuBuildSaysHowToGetACudaBuild(string device)
    {
        var provider = new DeviceProvider(Options.Create(new DeviceOptions { Device = device }));

        var error = FluentActions.Invoking(() => provider.Device).Should().ThrowExactly<UserErrorException>().Which;

        error.Message.Should().Contain($"set to {device}").And.Contain("TorchBackend=cpu").And.Contain("-p:TorchBackend=cuda");
        error.Setting.Should().Be("Device");
    }

    [Fact]
    public void ACudaBuildThatFindsNoGpuPointsAtTheDriver()
    {
        DeviceProvider.NoCuda("cuda", "cuda", available: 0).Should().Contain("no CUDA device").And.Contain("nvidia-smi");
        DeviceProvider.NoCuda("cuda:2", "cuda", available: 1).Should().Contain("1 CUDA device(s), cuda:0 to cuda:0");
    }

    [Fact]
    public void Tf32IsOffUnlessTheEvaluationSettingsAskForIt()
    {
        var threads = torch.get_num_threads();
        try
        {
            new EvaluationOptions().AllowTf32.Should().BeFalse();
            new EvaluationOptions { AllowTf32 = true }.With(networks: 2).AllowTf32.Should().BeTrue();

            Apply(allowTf32: true);
            torch.backends.cuda.matmul.allow_tf32.Should().BeTrue();
            torch.backends.cudnn.allow_tf32.Should().BeTrue();

            Apply(allowTf32: false);
            torch.backends.cuda.matmul.allow_tf32.Should().BeFalse();
            torch.backends.cudnn.allow_tf32.Should().BeFalse("libtorch allows TF32 convolutions by default, so the host turns it off");
        }
        finally
        {
            torch.set_num_threads(threads);
        }

        void Apply(bool allowTf32) => new TorchRuntime(
            Options.Create(new DeviceOptions { Threads = threads, ReuseHeap = false }),
            Options.Create(new EvaluationOptions { AllowTf32 = allowTf32 })).Apply();
    }

    [Fact]
    public void DrawsOnTheCpuAreTheNumbersOfACpuGeneratorWithTheSameSeed()
    {
        using var device = DeviceDraws.Generator(42, torch.CPU);
        using var plain = new Generator(42);

        using var permutation = DeviceDraws.Permutation(50, device, torch.CPU);
        using var expected = torch.randperm(50, generator: plain);
        using var uniform = DeviceDraws.Uniform([3, 2], device, torch.CPU);
        using var expectedUniform = torch.rand([3, 2], generator: plain);
        using var integers = DeviceDraws.Integers(0, 7, [5], device, torch.CPU);
        using var expectedIntegers = torch.randint(0, 7, [5], dtype: ScalarType.Int64, generator: plain);

        permutation.data<long>().ToArray().Should().Equal(expected.data<long>().ToArray());
        uniform.data<float>().ToArray().Should().Equal(expectedUniform.data<float>().ToArray());
        integers.data<long>().ToArray().Should().Equal(expectedIntegers.data<long>().ToArray());
    }

    [Fact]
    public void ADrawIsMadeOnTheGeneratorsDeviceAndLandsOnTheTargetDevice()
    {
        // libtorch's meta device stands in for a GPU: tensors there have a shape and a device but no data.
        var meta = torch.device("meta");
        using var onMeta = DeviceDraws.Generator(1, meta);
        using var onCpu = DeviceDraws.Generator(1, torch.CPU);

        onMeta.device.type.Should().Be(DeviceType.META);
        using var drawnThere = DeviceDraws.Uniform([4, 3], onMeta, meta);
        using var copiedThere = DeviceDraws.Integers(0, 5, [4], onCpu, meta);

        drawnThere.device.type.Should().Be(DeviceType.META);
        drawnThere.shape.Should().Equal([4L, 3]);
        copiedThere.device.type.Should().Be(DeviceType.META);
    }
}
