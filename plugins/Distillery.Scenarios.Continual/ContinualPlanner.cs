using Distillery.Data;

namespace Distillery.Scenarios.Continual;

/// <summary>Checks a run's options against its dataset and resolves the memory budget and buffer names.</summary>
internal static class ContinualPlanner
{
    /// <summary>The default memory when neither MemoryPerClass nor MemoryTotal is set.</summary>
    public const int DefaultMemoryPerClass = 10;

    /// <exception cref="UserErrorException">The steps do not divide the classes, or the budget does not fit.</exception>
    public static ContinualPlan Plan(ContinualOptions settings, DatasetSplits data)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(data);
        var classes = data.Info.NumClasses;
        if (settings.Steps > classes || classes % settings.Steps != 0)
        {
            var divisors = Enumerable.Range(1, classes).Where(d => classes % d == 0);
            throw new UserErrorException(
                $"Steps {settings.Steps} does not divide the {classes} classes of {settings.Dataset} into equal steps; " +
                $"use one of {string.Join(", ", divisors)}.");
        }

        var perClass = MemoryPerClass(settings, classes);
        for (var label = 0; label < classes; label++)
        {
            var count = data.Train.CountOf(label);
            if (perClass > count)
            {
                throw new UserErrorException(
                    $"The memory budget of {perClass} images per class is larger than class {label} ('{data.Info.ClassNames[label]}') " +
                    $"of {settings.Dataset}, which has {count} training images. Use MemoryPerClass {count} or less.");
            }
        }

        return new ContinualPlan
        {
            Dataset = settings.Dataset,
            NumClasses = classes,
            Steps = settings.Steps,
            MemoryPerClass = perClass,
            Architecture = settings.Architecture,
            Seed = settings.Seed,
            BufferPrefix = settings.BufferName ?? ContinualPlan.DefaultBufferPrefix(settings.Dataset, settings.Steps, perClass, settings.Seed),
            ReuseMemory = settings.ReuseMemory,
            Overwrite = settings.Overwrite,
        };
    }

    private static int MemoryPerClass(ContinualOptions settings, int classes)
    {
        if (settings.MemoryPerClass is { } perClass)
        {
            return perClass > 0
                ? perClass
                : throw new UserErrorException($"MemoryPerClass must be at least 1 image; got {perClass}.");
        }

        if (settings.MemoryTotal is { } total)
        {
            if (total <= 0 || total % classes != 0)
            {
                throw new UserErrorException(
                    $"MemoryTotal {total} does not split evenly over the {classes} classes; use a positive multiple of {classes}, or MemoryPerClass.");
            }

            return total / classes;
        }

        return DefaultMemoryPerClass;
    }
}
