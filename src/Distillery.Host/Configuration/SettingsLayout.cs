using Distillery.Components;
using Distillery.Data.Files;
using Distillery.Devices;
using Distillery.Host.Output;
using Distillery.Host.Plugins;
using Distillery.Storage;
using Distillery.Training;
using Microsoft.Extensions.Hosting;

namespace Distillery.Host.Configuration;

/// <summary>
/// Which options class binds each configuration section: the engine's and the host's sections, and under each kind's
/// section (<c>Methods</c>, <c>Scenarios</c>, …) one per loaded component.
/// </summary>
public sealed class SettingsLayout
{
    /// <summary>
    /// Sections read by something other than an options class, the experiment file's scenario key, and the keys the
    /// generic host keeps in the configuration (content root, environment, application name).
    /// </summary>
    private static readonly string[] FreeRoots =
    [
        "Logging", HostConfiguration.DemoSection, ExperimentFile.ScenarioKey, ExperimentFile.DescriptionKey,
        HostDefaults.ContentRootKey, HostDefaults.EnvironmentKey, HostDefaults.ApplicationKey,
    ];

    /// <summary>The top-level sections the host holds: its options', the built-in kinds' and the free ones. No plugin may bind one.</summary>
    public static IReadOnlyList<string> HostRoots { get; } =
    [
        DeviceOptions.Section, WorkspaceOptions.Section, EvaluationOptions.Section, OutputOptions.Section, PluginOptions.Section,
        DatasetFilesOptions.SectionName, ComponentKind.Method.Section, ComponentKind.Architecture.Section, ComponentKind.Scenario.Section,
        .. FreeRoots,
    ];

    private readonly Dictionary<string, Type> _sections = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ComponentSet> _kinds = new(StringComparer.OrdinalIgnoreCase);

    public SettingsLayout(OptionsSections sections, PluginLoadReport report)
    {
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var (type, section) in sections.All.Where(pair => !pair.Section.Contains(':', StringComparison.Ordinal)))
        {
            _sections[section] = type;
        }

        // A plugin that failed before registering may have held any name: its kinds' sections are not checked by name.
        var unknownHolders = report.Plugins.Any(p => p.Status != PluginStatus.Active && p.Components.Count == 0);
        var builtIn = new[] { ComponentKind.Method, ComponentKind.Architecture, ComponentKind.Scenario, ComponentKind.Dataset };
        var entries = report.Plugins.SelectMany(p => p.Components.Select(c => (Entry: c, Active: p.Status == PluginStatus.Active && c.Status == PluginStatus.Active)));
        foreach (var kind in builtIn.Concat(entries.Select(e => e.Entry.Descriptor.Kind)).Distinct())
        {
            var set = new ComponentSet(kind.Name, unknownHolders);
            foreach (var (entry, active) in entries.Where(e => e.Entry.Descriptor.Kind == kind))
            {
                if (active)
                {
                    set.Active[entry.Descriptor.Name] = entry.Descriptor.OptionsType;
                }
                else
                {
                    set.Inactive.Add(entry.Descriptor.Name);
                }
            }

            _kinds[kind.Section] = set;
        }
    }

    /// <summary>Every top-level section name the configuration may hold.</summary>
    public IEnumerable<string> Roots => _sections.Keys.Concat(_kinds.Keys).Concat(FreeRoots).Distinct(StringComparer.OrdinalIgnoreCase);

    public bool IsFree(string root) => FreeRoots.Contains(root, StringComparer.OrdinalIgnoreCase);

    public Type? OptionsAt(string root) => _sections.GetValueOrDefault(root);

    public ComponentSet? ComponentsUnder(string root) => _kinds.GetValueOrDefault(root);

    /// <summary>The components of one kind: the options class of each active one, and names left unchecked.</summary>
    public sealed class ComponentSet(string kind, bool mayHoldUnknownNames)
    {
        public string Kind { get; } = kind;

        public Dictionary<string, Type> Active { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Names of components whose plugin or registration was not taken: their settings are not checked.</summary>
        public HashSet<string> Inactive { get; } = new(StringComparer.OrdinalIgnoreCase);

        public bool MayBeQuarantined(string name) => mayHoldUnknownNames || Inactive.Contains(name);
    }
}
