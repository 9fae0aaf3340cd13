using System.Globalization;
using Distillery.Training;

namespace Distillery.Host.Output;

/// <summary>Accuracy as people read it: percentages, mean ± std.</summary>
public static class Percent
{
    public static string MeanStd(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Create(CultureInfo.InvariantCulture, $"{result.Mean * 100:F2} ± {result.Std * 100:F2}");
    }
}
