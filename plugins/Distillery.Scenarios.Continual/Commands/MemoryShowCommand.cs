using System.ComponentModel;
using Distillery.Commands;
using Distillery.Scenarios.Continual.Memory;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Scenarios.Continual.Commands;

/// <summary>Shows a buffer's settings and draws its memory as a PNG grid, one row per class.</summary>
internal sealed class MemoryShowCommand(
    IMemoryBufferStore store,
    ISetPicture picture,
    ICommandOutput output) : AsyncCommand<MemoryShowCommand.Settings>
{
    public sealed class Settings : MemorySettings
    {
        [CommandOption("--out <PATH>")]
        [Description("Where to write the PNG grid (default: Output:Directory/NAME.png).")]
        public string? Out { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var set = await MemoryBufferSets.LoadAsync(store, settings.Name, cancellationToken).ConfigureAwait(false);
        var info = (await store.FindAsync(settings.Name, cancellationToken).ConfigureAwait(false))!;
        var png = await output.RunWithProgressAsync(reporter =>
            picture.WriteAsync(set, settings.Out ?? picture.DefaultPath(settings.Name), reporter, cancellationToken)).ConfigureAwait(false);
        var json = MemoryJson.Describe(info);
        json["png"] = png;
        if (output.IsJson)
        {
            output.WriteJson(json);
            return CommandExitCodes.Success;
        }

        var grid = new Grid().AddColumn().AddColumn();
        foreach (var (key, value) in json)
        {
            var text = value is null ? "-" : value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            grid.AddRow(Markup.Escape(key), Markup.Escape(text));
        }

        output.Console.Write(grid);
        return CommandExitCodes.Success;
    }
}
