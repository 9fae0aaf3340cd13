using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Distillery.Plugins;

namespace Distillery.Host.Plugins;

/// <summary>
/// Reads a plugin's manifest straight from its metadata, so that a plugin built for another contract is turned away
/// before any of its code is loaded.
/// </summary>
public static class PluginManifestReader
{
    private const string AbstractionsAssemblyName = "Distillery.Abstractions";
    private const string TorchSharpAssemblyName = "TorchSharp";

    /// <summary>
    /// The manifest of the assembly at <paramref name="path"/>, or null when it has none.
    /// Throws <see cref="BadImageFormatException"/> when the file is not a .NET assembly.
    /// </summary>
    public static PluginManifest? Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException($"{Path.GetFileName(path)} is not a .NET assembly (it has no metadata).");
        }

        var reader = pe.GetMetadataReader();
        if (!reader.IsAssembly)
        {
            throw new BadImageFormatException($"{Path.GetFileName(path)} is a .NET module, not an assembly.");
        }

        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (!IsManifestAttribute(reader, attribute))
            {
                continue;
            }

            var arguments = attribute.DecodeValue(new NameOnlyTypeProvider()).FixedArguments;
            return new PluginManifest(
                Id: arguments.Length > 0 ? arguments[0].Value as string ?? string.Empty : string.Empty,
                Version: arguments.Length > 1 ? arguments[1].Value as string ?? string.Empty : string.Empty,
                Description: arguments.Length > 2 ? arguments[2].Value as string ?? string.Empty : string.Empty,
                ContractMajorVersion: arguments.Length > 3 ? (int)arguments[3].Value! : DistilleryContract.MajorVersion,
                ContractMinorVersion: arguments.Length > 4 ? (int)arguments[4].Value! : DistilleryContract.MinorVersion,
                AbstractionsVersion: ReferencedVersion(reader, AbstractionsAssemblyName),
                TorchSharpVersion: ReferencedVersion(reader, TorchSharpAssemblyName));
        }

        return null;
    }

    private static Version? ReferencedVersion(MetadataReader reader, string assemblyName)
    {
        foreach (var handle in reader.AssemblyReferences)
        {
            var reference = reader.GetAssemblyReference(handle);
            if (reader.StringComparer.Equals(reference.Name, assemblyName))
            {
                return reference.Version;
            }
        }

        return null;
    }

    private static bool IsManifestAttribute(MetadataReader reader, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
        {
            return false;
        }

        var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
        if (constructor.Parent.Kind != HandleKind.TypeReference)
        {
            return false;
        }

        var type = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
        return reader.StringComparer.Equals(type.Name, nameof(DistilleryPluginAttribute))
            && reader.StringComparer.Equals(type.Namespace, typeof(DistilleryPluginAttribute).Namespace!);
    }

    /// <summary>Decodes attribute arguments of primitive types; names every other type.</summary>
    private sealed class NameOnlyTypeProvider : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeReference(handle).Name);

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
