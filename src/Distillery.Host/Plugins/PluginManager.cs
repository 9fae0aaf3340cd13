using System.Reflection;
using Distillery.Plugins;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace Distillery.Host.Plugins;

/// <summary>
/// Scans the plugins folder, one subfolder per plugin, loads each plugin into its own load context (sharing the
/// contract, the engine, TorchSharp and Microsoft.Extensions.* with the host), checks its manifest and lets it
/// register its components. A plugin that fails in any way is quarantined with its reason; the others go on.
/// </summary>
public sealed class PluginManager
{
    private static readonly Type[] SharedTypes =
    [
        typeof(IDistilleryPlugin),
        typeof(Distillery.Randomness.SeedSequence),
        typeof(torch),
        typeof(IServiceCollection),
        typeof(ServiceCollection),
        typeof(IConfiguration),
        typeof(ILogger),
        typeof(Microsoft.Extensions.Options.IOptions<>),
        typeof(Spectre.Console.IAnsiConsole),
        typeof(Spectre.Console.Cli.ICommand),
    ];

    private static readonly int HostAbstractionsMajor = typeof(IDistilleryPlugin).Assembly.GetName().Version?.Major ?? DistilleryContract.MajorVersion;

    /// <summary>The TorchSharp this host runs; a plugin compiled against another major.minor is not loaded.</summary>
    private static Version HostTorchSharpVersion { get; } = typeof(torch).Assembly.GetName().Version ?? new Version(0, 0);

    private readonly ComponentLedger _ledger = new();
    private readonly List<PluginLoader> _loaders = [];

    /// <summary>
    /// Loads every plugin in <paramref name="options"/>' folders and adds the good ones to <paramref name="services"/>.
    /// A folder the user named that does not exist is a <see cref="UserErrorException"/>.
    /// </summary>
    public PluginLoadReport LoadAll(PluginOptions options, IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folders = options.ResolveFolders();
        var missing = folders.FirstOrDefault(f => f.MustExist && !Directory.Exists(f.Path));
        if (missing is not null)
        {
            throw new UserErrorException(
                $"The plugins folder '{missing.Path}' does not exist. Name a folder that holds one subfolder per plugin (--plugins DIR, or {PluginOptions.Section}:Folders).");
        }

        var disabled = new HashSet<string>(options.Disabled, StringComparer.OrdinalIgnoreCase);
        var records = new List<PluginRecord>();
        var warnings = new List<string>();
        foreach (var directory in folders.Select(f => f.Path).Where(Directory.Exists))
        {
            warnings.AddRange(Directory.GetFiles(directory, "*.dll").Order(StringComparer.Ordinal).Select(dll =>
                $"{Path.GetFileName(dll)} lies directly in the plugins folder {directory} and is not loaded: a plugin needs a folder of its own, " +
                $"{Path.Combine(directory, Path.GetFileNameWithoutExtension(dll), Path.GetFileName(dll))}."));
            foreach (var folder in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
            {
                records.Add(LoadOne(folder, disabled, records, services, configuration));
            }
        }

        return new PluginLoadReport(folders.Select(f => f.Path).ToList(), records) { Warnings = warnings };
    }

    private PluginRecord LoadOne(
        string folder, HashSet<string> disabled, IReadOnlyList<PluginRecord> loaded, IServiceCollection services, IConfiguration configuration)
    {
        if (PluginAssemblyLocator.Locate(folder, out var path, out var manifest) is { } failure)
        {
            return failure;
        }

        var record = new PluginRecord(folder, path, manifest, PluginStatus.Active, null, []);
        if (loaded.FirstOrDefault(p => p.Manifest is not null && p.Status != PluginStatus.Duplicate
            && string.Equals(p.Id, manifest!.Id, StringComparison.OrdinalIgnoreCase)) is { } first)
        {
            return record with
            {
                Status = PluginStatus.Duplicate,
                Reason = $"Another copy of plugin '{first.Id}' {first.Version} was found first, in {first.Folder} ({first.Status}); this copy is not loaded.",
            };
        }

        if (disabled.Contains(manifest!.Id))
        {
            return record with { Status = PluginStatus.Disabled, Reason = $"Disabled by configuration ({PluginOptions.Section}:Disabled)." };
        }

        if (CheckContract(manifest) is { } unsupported)
        {
            return record with { Status = PluginStatus.NotSupported, Reason = unsupported };
        }

        // Kept when Register throws, so that asking for one of its components explains why it is not there.
        ComponentRegistry? registry = null;
        try
        {
            var registrar = CreateRegistrar(path);
            registry = new ComponentRegistry(manifest, configuration, _ledger);
            registrar.Register(registry);

            foreach (var descriptor in registry.Services)
            {
                services.Add(descriptor);
            }

            _ledger.Commit(registry.Accepted);
            _ledger.Commit(manifest.Id, registry.ArtifactOwners, registry.CommandWords, registry.Settings.Select(s => s.Section));
            return record with
            {
                Components = registry.Entries,
                Commands = registry.Commands,
                CommandGroups = registry.CommandGroups,
                ArtifactOwners = registry.ArtifactOwners,
                Settings = registry.Settings,
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return record with { Status = PluginStatus.Malfunctioned, Reason = Explain(ex), Components = registry?.Entries ?? [] };
        }
    }

    /// <summary>
    /// Why a plugin cannot run on this host, or null when it can: another contract major version, a newer contract
    /// minor version (it may call what this host lacks), or a TorchSharp of another major.minor version (its native
    /// calls and types change between them).
    /// </summary>
    private static string? CheckContract(PluginManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var contract = $"{manifest.ContractMajorVersion}.{manifest.ContractMinorVersion}";
        if (manifest.ContractMajorVersion != DistilleryContract.MajorVersion)
        {
            return $"Built for plugin contract {contract}; " +
                $"this host speaks contract {DistilleryContract.Version} (major versions must match).";
        }

        if (manifest.ContractMinorVersion > DistilleryContract.MinorVersion)
        {
            return $"Built for plugin contract {contract}, newer than this host's contract {DistilleryContract.Version}: " +
                $"update Distillery, or build the plugin against Distillery.Abstractions {DistilleryContract.Version}.";
        }

        if (manifest.AbstractionsVersion is { } referenced && referenced.Major != HostAbstractionsMajor)
        {
            return $"Compiled against Distillery.Abstractions {referenced}; this host has " +
                $"{typeof(IDistilleryPlugin).Assembly.GetName().Version} (major versions must match).";
        }

        if (manifest.TorchSharpVersion is { } torchSharp
            && (torchSharp.Major != HostTorchSharpVersion.Major || torchSharp.Minor != HostTorchSharpVersion.Minor))
        {
            return $"Compiled against TorchSharp {torchSharp.ToString(3)}; this host runs TorchSharp {HostTorchSharpVersion.ToString(3)} " +
                $"(major.minor versions must match: build the plugin against TorchSharp {HostTorchSharpVersion.Major}.{HostTorchSharpVersion.Minor}.x).";
        }

        return null;
    }

    private IDistilleryPlugin CreateRegistrar(string path)
    {
        var loader = PluginLoader.CreateFromAssemblyFile(path, SharedTypes, config =>
        {
            config.PreferSharedTypes = true;

            // Shared assemblies resolve from the host when asked for, not by walking their references up front: some
            // reference assemblies they never load (Spectre.Console.Cli names NJsonSchema, which is not shipped).
            config.IsLazyLoaded = true;
        });
        _loaders.Add(loader);
        var assembly = loader.LoadDefaultAssembly();

        // Load every type now: a missing dependency often surfaces only here.
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            var first = ex.LoaderExceptions.FirstOrDefault(e => e is not null) ?? ex;
            throw new PluginLoadException(MissingDependency(first), first);
        }

        var registrars = types
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(IDistilleryPlugin).IsAssignableFrom(t))
            .ToArray();
        var registrarType = registrars.Length switch
        {
            1 => registrars[0],
            0 => throw new PluginLoadException($"{Path.GetFileName(path)} has no public class implementing {nameof(IDistilleryPlugin)}."),
            _ => throw new PluginLoadException(
                $"{Path.GetFileName(path)} has several {nameof(IDistilleryPlugin)} classes ({string.Join(", ", registrars.Select(t => t.FullName))}); keep one."),
        };

        if (registrarType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new PluginLoadException($"{registrarType.FullName} has no public parameterless constructor.");
        }

        try
        {
            return (IDistilleryPlugin)Activator.CreateInstance(registrarType)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new PluginLoadException($"The constructor of {registrarType.FullName} threw {Describe(ex.InnerException)}", ex.InnerException);
        }
    }

    private static string Explain(Exception ex) => ex switch
    {
        PluginLoadException => ex.Message,
        FileNotFoundException or FileLoadException or TypeLoadException => MissingDependency(ex),
        BadImageFormatException => $"Not a loadable .NET assembly: {ex.Message}",
        _ => $"Register threw {Describe(ex)}",
    };

    private static string MissingDependency(Exception ex) => ex switch
    {
        FileNotFoundException { FileName: { } file } => $"Missing dependency: {file} was not found beside the plugin or in the host.",
        _ => $"Missing dependency: {ex.Message}",
    };

    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message}";

    private sealed class PluginLoadException(string message, Exception? inner = null) : Exception(message, inner);
}
