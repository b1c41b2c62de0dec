using System.Buffers.Binary;
using System.Text;

namespace Otc.Platform.Tests;

/// <summary>
/// Just enough of the three executable formats to tell, without running a file, what it is: an ELF program for Linux,
/// a PE image for Windows, a Mach-O executable for macOS (with its load commands and code signature), and whether a
/// .NET single-file bundle is attached to its host.
/// </summary>
internal sealed class ExecutableImage(byte[] bytes)
{
    public const ushort ElfMachineX64 = 62;
    public const ushort ElfMachineArm64 = 183;
    public const ushort PeMachineX64 = 0x8664;
    public const uint MachOMagic64 = 0xfeedfacf;
    public const int MachOCpuX64 = 0x01000007;
    public const int MachOCpuArm64 = 0x0100000c;
    public const uint MachOExecute = 2;
    public const uint LoadCommandMain = 0x80000028;
    public const uint LoadCommandCodeSignature = 0x1d;
    public const uint EmbeddedSignatureMagic = 0xfade0cc0;
    public const uint CodeDirectoryMagic = 0xfade0c02;

    /// <summary>What the .NET host looks for to find the bundle it carries: the bundle header's offset stands right before it.</summary>
    private static readonly byte[] BundleSignature =
    [
        0x8b, 0x12, 0x02, 0xb9, 0x6a, 0x61, 0x20, 0x38, 0x72, 0x7b, 0x93, 0x02, 0x14, 0xd7, 0xa0, 0x32,
        0x13, 0xf5, 0xb9, 0xe6, 0xef, 0xae, 0x33, 0x18, 0xee, 0x3b, 0x2d, 0xce, 0x24, 0xb3, 0x6a, 0xae,
    ];

    public static ExecutableImage Read(string path) => new(File.ReadAllBytes(path));

    public bool IsElf64 => bytes.AsSpan(0, 4).SequenceEqual("\u007fELF"u8) && bytes[4] == 2 && bytes[5] == 1;

    public ushort ElfMachine => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(18));

    public bool IsPe => bytes.AsSpan(0, 2).SequenceEqual("MZ"u8) && bytes.AsSpan(PeHeader, 4).SequenceEqual("PE\0\0"u8);

    public ushort PeMachine => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(PeHeader + 4));

    /// <summary>The PE characteristics: an executable image (0x0002), not a DLL (0x2000).</summary>
    public ushort PeCharacteristics => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(PeHeader + 22));

    /// <summary>The optional header's magic: 0x20b for a 64-bit (PE32+) image.</summary>
    public ushort PeOptionalMagic => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(PeHeader + 24));

    /// <summary>The subsystem: 3 is a console program, whose stdout the engine can read.</summary>
    public ushort PeSubsystem => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(PeHeader + 24 + 68));

    public uint MachOMagic => BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    public int MachOCpu => BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));

    public uint MachOFileType => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12));

    /// <summary>The Mach-O load commands, in order, each with the offset of its body.</summary>
    public IReadOnlyList<(uint Command, int Offset)> MachOLoadCommands
    {
        get
        {
            var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16));
            var commands = new List<(uint, int)>();
            var offset = 32;
            for (var index = 0; index < count; index++)
            {
                commands.Add((BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset)), offset));
                offset += (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4));
            }

            return commands;
        }
    }

    /// <summary>
    /// The magics of the code signature's parts (big-endian, as Apple writes them): the embedded signature first, then
    /// each blob it indexes (a CodeDirectory at least). Empty when the file carries no LC_CODE_SIGNATURE.
    /// </summary>
    public IReadOnlyList<uint> MachOSignatureMagics
    {
        get
        {
            var signature = MachOLoadCommands.Where(command => command.Command == LoadCommandCodeSignature).ToList();
            if (signature.Count == 0)
            {
                return [];
            }

            var start = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(signature[0].Offset + 8));
            var magics = new List<uint> { BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(start)) };
            var blobs = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(start + 8));
            for (var index = 0; index < blobs; index++)
            {
                var blobOffset = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(start + 12 + (index * 8) + 4));
                magics.Add(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(start + blobOffset)));
            }

            return magics;
        }
    }

    /// <summary>
    /// The files of the .NET single-file bundle attached to the host, as named in its manifest's bytes; null when the
    /// host carries none (an app host alone, which would need the app's files beside it).
    /// </summary>
    public BundleSummary? Bundle
    {
        get
        {
            var marker = bytes.AsSpan().IndexOf(BundleSignature);
            if (marker < 8)
            {
                return null;
            }

            var header = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(marker - 8));
            if (header <= 0 || header >= bytes.Length)
            {
                return null;
            }

            var manifest = bytes.AsSpan((int)header);
            return new BundleSummary(
                MajorVersion: BinaryPrimitives.ReadInt32LittleEndian(manifest),
                FileCount: BinaryPrimitives.ReadInt32LittleEndian(manifest[8..]),
                Manifest: Encoding.UTF8.GetString(manifest));
        }
    }

    private int PeHeader => BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(0x3c));
}

/// <summary>A single-file bundle's header fields and its manifest as text (file names in it are plain UTF-8).</summary>
internal sealed record BundleSummary(int MajorVersion, int FileCount, string Manifest);
