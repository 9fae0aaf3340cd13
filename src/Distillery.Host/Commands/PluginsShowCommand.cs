using System.Text.Json.Nodes;
using Distillery.Components;
using Distillery.Host.Cli;
using Distillery.Host.Output;
using Distillery.Host.Plugins;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Distillery.Host.Commands;

/// <summary>
/// Shows one component: its kind, plugin, version, help and configuration section, and every setting of its options
/// class with type, default, configured value, allowed values and description.
/// </summary>
public sealed class PluginsShowCommand(IComponentCatalog catalog, IServiceProvider services, Terminal terminal, HostArguments arguments)
    : Command<PluginsShowSettings>
{
    public override int Execute(CommandContext context, PluginsShowSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var descriptor = ComponentLookup.Find(catalog.Components, settings.Name, settings.Kind);
        var configured = new ComponentOptionsBinder(services).Bind(descriptor, new Dictionary<string, string?>());
        var options = OptionsDescriber.Describe(descriptor.OptionsType, configured);
        if (arguments.Output == OutputFormat.Json)
        {
            JsonOutput.Write(terminal.Streams.Out, Json(descriptor, options));
        }
        else
        {
            WriteText(descriptor, options);
        }

        return ExitCodes.Success;
    }

    private static JsonObject Json(ComponentDescriptor descriptor, IReadOnlyList<OptionDescription> options)
    {
        var array = new JsonArray();
        foreach (var option in options)
        {
            var item = new JsonObject
            {
                ["key"] = option.Key,
                ["setting"] = $"{descriptor.ConfigurationSection}:{option.Key}",
                ["type"] = option.Type,
                ["default"] = option.Default,
            };
            if (option.IsChanged)
            {
                item["current"] = option.Current;
            }

            item["allowed"] = option.Allowed;
            item["description"] = option.Description;
            array.Add(item);
        }

        return new JsonObject
        {
            ["kind"] = descriptor.Kind.Name,
            ["name"] = descriptor.Name,
            ["plugin"] = descriptor.PluginId,
            ["version"] = descriptor.PluginVersion,
            ["help"] = descriptor.Help,
            ["section"] = descriptor.ConfigurationSection,
            ["options"] = array,
        };
    }

    private void WriteText(ComponentDescriptor descriptor, IReadOnlyList<OptionDescription> options)
    {
        var output = terminal.Out;
        output.MarkupLineInterpolated($"[bold]{descriptor.Kind.Name} {descriptor.Name}[/] — {descriptor.Help}");
        output.MarkupLineInterpolated($"Plugin {descriptor.PluginId} {descriptor.PluginVersion}; settings under [bold]{descriptor.ConfigurationSection}[/].");
        if (options.Count == 0)
        {
            output.MarkupLine("It has no settings.");
            return;
        }

        var changed = options.Any(o => o.IsChanged);
        var table = new Table().AddColumns("Setting", "Type", "Default");
        if (changed)
        {
            table.AddColumn("Configured");
        }

        table.AddColumns("Allowed", "Description");
        foreach (var option in options)
        {
            var cells = new List<string> { option.Key, option.Type, option.Default ?? (option.Type == "settings" ? string.Empty : "(unset)") };
            if (changed)
            {
                cells.Add(option.IsChanged ? option.Current ?? "(unset)" : string.Empty);
            }

            cells.Add(option.Allowed ?? string.Empty);
            cells.Add(option.Description);
            table.AddRow(cells.Select(c => new Spectre.Console.Text(c)).ToArray<Spectre.Console.Rendering.IRenderable>());
        }

        output.Write(table);
        var first = options.FirstOrDefault(o => o.Type != "settings");
        if (first is not null)
        {
            output.MarkupLineInterpolated($"Set one with --{descriptor.ConfigurationSection}:{first.Key}=VALUE, or in appsettings.json or an experiment file.");
        }
    }
}
