using System.Globalization;
using System.Text.Json.Nodes;

namespace Distillery.Nas.Reports;

/// <summary>How the proxy-quality report writes its numbers: a dash for a figure that does not exist (NaN), JSON null.</summary>
internal static class ReportFormat
{
    public static string Number(double value, string format = "F3") =>
        double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A difference of accuracies in percentage points.</summary>
    public static string Points(double value) =>
        double.IsNaN(value) ? "-" : (value * 100).ToString("F2", CultureInfo.InvariantCulture) + " pp";

    public static string Percent(double value) =>
        double.IsNaN(value) ? "-" : (value * 100).ToString("F2", CultureInfo.InvariantCulture) + " %";

    public static string SpeedUp(double value) =>
        double.IsNaN(value) ? "-" : double.IsPositiveInfinity(value) ? "∞" : value.ToString("F1", CultureInfo.InvariantCulture) + "×";

    /// <summary>A JSON number, or null for NaN and infinities (which JSON cannot hold).</summary>
    public static JsonNode? Json(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}
