namespace Distillery.Host.Plugins;

/// <summary>
/// Finds the plugin assembly in a plugin folder: the DLL named like the folder, or else the single DLL that carries a
/// manifest. Reading the manifest never loads the assembly.
/// </summary>
internal static class PluginAssemblyLocator
{
    public static PluginRecord? Locate(string folder, out string assemblyPath, out PluginManifest? manifest)
    {
        var name = Path.GetFileName(folder);
        assemblyPath = Path.Combine(folder, name + ".dll");
        manifest = null;
        if (File.Exists(assemblyPath))
        {
            try
            {
                manifest = PluginManifestReader.Read(assemblyPath);
            }
            catch (BadImageFormatException ex)
            {
                return Failed(folder, assemblyPath, PluginStatus.Malfunctioned, $"{name}.dll is not a .NET assembly: {ex.Message}");
            }

            return manifest is null
                ? Failed(folder, assemblyPath, PluginStatus.NotSupported, $"{name}.dll has no [assembly: DistilleryPlugin(...)] manifest.")
                : null;
        }

        var candidates = new List<(string Path, PluginManifest Manifest)>();
        var dlls = Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal).ToArray();
        foreach (var dll in dlls)
        {
            try
            {
                if (PluginManifestReader.Read(dll) is { } found)
                {
                    candidates.Add((dll, found));
                }
            }
            catch (BadImageFormatException)
            {
                // Native libraries may sit beside a plugin; only managed ones can carry a manifest.
            }
        }

        switch (candidates.Count)
        {
            case 1:
                (assemblyPath, manifest) = candidates[0];
                return null;
            case 0 when dlls.Length == 0:
                return Failed(folder, null, PluginStatus.Malfunctioned, $"No DLL in the folder; expected {name}.dll.");
            case 0:
                return Failed(folder, null, PluginStatus.NotSupported,
                    $"No DLL carries an [assembly: DistilleryPlugin(...)] manifest (found {string.Join(", ", dlls.Select(Path.GetFileName))}).");
            default:
                return Failed(folder, null, PluginStatus.Malfunctioned,
                    $"Several DLLs carry a manifest ({string.Join(", ", candidates.Select(c => Path.GetFileName(c.Path)))}); " +
                    $"name the plugin's own {name}.dll or keep one plugin per folder.");
        }
    }

    private static PluginRecord Failed(string folder, string? path, PluginStatus status, string reason) =>
        new(folder, path, null, status, reason, []);
}
