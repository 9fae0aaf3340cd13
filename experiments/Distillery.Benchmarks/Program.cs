using System.Globalization;
using Distillery.Benchmarks;
using TorchSharp;

// Usage: distillery-benchmarks <train-step|evaluate|memory|dm-step|dc-step|mtt-step> [--threads N] [--batch N] [--warmup N]
//        [--steps N] [--ipc N] [--epochs N] [--networks N] [--test N] [--every N] [--augmentation STRATEGY] [--batch-real N]
//        [--reuse-heap 1|0] (keep freed blocks in the heap, as the host does; 0: glibc's default)
//        [--chunk N]  (dm-step: images per forward pass; 0 = the method's default, 100000 = whole batches)
//        [--width N]  (dc-step: the ConvNet-3's width, default 128; dc-step with --augmentation STRATEGY times DSA)
//        [--method mtt|tesla] [--syn-steps N] [--batch-syn N]  (mtt-step: trajectory matching, default mtt, 20 steps,
//        batch 0 = all synthetic images, augmentation none)
if (args.Length == 0 || args[0] is not ("train-step" or "evaluate" or "memory" or "dm-step" or "dc-step" or "mtt-step"))
{
    Console.Error.WriteLine("usage: Distillery.Benchmarks <train-step|evaluate|memory|dm-step|dc-step|mtt-step> [--threads N] [options]");
    return 2;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

int Option(string name, int fallback) =>
    options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

torch.set_num_threads(Option("threads", 2));
if (Option("reuse-heap", 1) == 1)
{
    Distillery.Devices.HeapReuse.Apply();
}
switch (args[0])
{
    case "train-step":
        TrainStepBenchmark.Run(Option("batch", 256), Option("warmup", 3), Option("steps", 20));
        break;
    case "evaluate":
        EvaluationBenchmark.Run(Option("ipc", 10), Option("epochs", 150), Option("networks", 1), Option("test", 10_000));
        break;
    case "memory":
        MemoryBenchmark.Run(Option("ipc", 1), Option("epochs", 1000), Option("every", 100), options.GetValueOrDefault("augmentation", "color_crop_cutout_flip_scale_rotate"));
        break;
    case "dm-step":
        DmStepBenchmark.Run(
            Option("ipc", 10), Option("batch-real", 256), Option("warmup", 2), Option("steps", 5),
            options.GetValueOrDefault("augmentation", "color_crop_cutout_flip_scale_rotate"), Option("chunk", 0));
        break;
    case "dc-step":
        GradientMatchingBenchmark.Run(
            Option("ipc", 1), Option("batch-real", 256), Option("warmup", 1), Option("steps", 3),
            options.GetValueOrDefault("augmentation", "none"), Option("width", 128));
        break;
    case "mtt-step":
        MttStepBenchmark.Run(
            options.GetValueOrDefault("method", "mtt"), Option("ipc", 10), Option("syn-steps", 20), Option("warmup", 1), Option("steps", 3),
            options.GetValueOrDefault("augmentation", "none"), Option("batch-syn", 0));
        break;
}

return 0;
