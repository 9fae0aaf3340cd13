using System.Buffers.Binary;
using System.Text;

namespace Distillery.Tests.Kit;

/// <summary>The symbol-version requirements (the <c>.gnu.version_r</c> section) of a little-endian ELF64 shared library.</summary>
internal static class ElfVersionNeeds
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    /// <summary>Each required version (such as <c>GLIBCXX_3.4.32</c>) and whether the requirement is weak.</summary>
    public static IReadOnlyList<(string Version, bool Weak)> Read(string path)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || !elf.AsSpan(0, 4).SequenceEqual("\u007fELF"u8) || elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException($"{path} is not a little-endian ELF64 file.");
        }

        var sectionTable = (int)U64(elf, 0x28);
        var entrySize = U16(elf, 0x3A);
        var sectionCount = U16(elf, 0x3C);
        var needs = new List<(string, bool)>();
        for (var i = 0; i < sectionCount; i++)
        {
            var header = sectionTable + (i * entrySize);
            if (U32(elf, header + 4) != ShtGnuVerneed)
            {
                continue;
            }

            var strings = (int)U64(elf, sectionTable + ((int)U32(elf, header + 40) * entrySize) + 24);
            var need = (int)U64(elf, header + 24);
            for (var n = 0; n < U32(elf, header + 44); n++)
            {
                var aux = need + (int)U32(elf, need + 8);
                for (var a = 0; a < U16(elf, need + 2); a++)
                {
                    var name = strings + (int)U32(elf, aux + 8);
                    var length = Array.IndexOf(elf, (byte)0, name) - name;
                    needs.Add((Encoding.ASCII.GetString(elf, name, length), (U16(elf, aux + 4) & VerFlagWeak) != 0));
                    aux += (int)U32(elf, aux + 12);
                }

                need += (int)U32(elf, need + 12);
            }
        }

        return needs;
    }

    private static ushort U16(byte[] bytes, int at) => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at));

    private static uint U32(byte[] bytes, int at) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));

    private static ulong U64(byte[] bytes, int at) => BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at));
}
