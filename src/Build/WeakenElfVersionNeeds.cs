// MSBuild inline task (RoslynCodeTaskFactory). Marks chosen symbol-version requirements of ELF64
// shared libraries as weak (VER_FLG_WEAK), so that a library built against a newer libstdc++
// loads on a system whose libstdc++ lacks a version whose symbols it never calls.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WeakenElfVersionNeeds : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string Versions { get; set; } = string.Empty;

    public override bool Execute()
    {
        var versions = new HashSet<string>(
            Versions.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim()),
            StringComparer.Ordinal);
        foreach (var library in Libraries)
        {
            var path = library.ItemSpec;
            if (!File.Exists(path))
            {
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            var changed = Weaken(bytes, versions, path);
            if (changed > 0)
            {
                File.WriteAllBytes(path, bytes);
                Log.LogMessage(MessageImportance.Low, $"Marked {changed} version need(s) weak in {path}");
            }
        }

        return !Log.HasLoggedErrors;
    }

    private int Weaken(byte[] elf, HashSet<string> versions, string path)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
        {
            Log.LogWarning($"{path} is not a little-endian ELF64 file; left unchanged.");
            return 0;
        }

        var sectionTable = (long)BitConverter.ToUInt64(elf, 0x28);
        var entrySize = BitConverter.ToUInt16(elf, 0x3A);
        var sectionCount = BitConverter.ToUInt16(elf, 0x3C);
        var changed = 0;
        for (var i = 0; i < sectionCount; i++)
        {
            var header = sectionTable + (i * entrySize);
            if (BitConverter.ToUInt32(elf, (int)header + 4) != ShtGnuVerneed)
            {
                continue;
            }

            var offset = (long)BitConverter.ToUInt64(elf, (int)header + 24);
            var link = BitConverter.ToUInt32(elf, (int)header + 40);
            var needCount = BitConverter.ToUInt32(elf, (int)header + 44);
            var strings = (long)BitConverter.ToUInt64(elf, (int)(sectionTable + (link * entrySize) + 24));

            var need = offset;
            for (var n = 0; n < needCount; n++)
            {
                var auxCount = BitConverter.ToUInt16(elf, (int)need + 2);
                var aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    var name = ReadString(elf, strings + BitConverter.ToUInt32(elf, (int)aux + 8));
                    var flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                    if (versions.Contains(name) && (flags & VerFlagWeak) == 0)
                    {
                        BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(elf, (int)aux + 4);
                        changed++;
                    }

                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }

                need += BitConverter.ToUInt32(elf, (int)need + 12);
            }
        }

        return changed;
    }

    private static string ReadString(byte[] elf, long start)
    {
        var end = start;
        while (elf[end] != 0)
        {
            end++;
        }

        return Encoding.ASCII.GetString(elf, (int)start, (int)(end - start));
    }
}
