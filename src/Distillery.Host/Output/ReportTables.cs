using Distillery.Scenarios;
using Spectre.Console;

namespace Distillery.Host.Output;

/// <summary>Draws the contract's <see cref="ReportTable"/> as a Spectre.Console table.</summary>
public static class ReportTables
{
    public static Table ToSpectre(ReportTable source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var table = new Table().Title(Markup.Escape(source.Title));
        foreach (var column in source.Columns)
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var row in source.Rows)
        {
            table.AddRow(row.Select(cell => Markup.Escape(cell)).ToArray());
        }

        return table;
    }
}
