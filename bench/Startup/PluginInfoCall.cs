using System.Text;
using Grpc.Core;

namespace Otc.Bench.Startup;

/// <summary>
/// The GetPluginInfo call with a hand-built method descriptor, so the driver needs no generated code and times
/// the same wire call against both servers: an empty request, and a PluginInfo whose field 1 is the version.
/// </summary>
internal static class PluginInfoCall
{
    private static readonly Marshaller<byte[]> RawBytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    public static readonly Method<byte[], byte[]> Method = new(
        MethodType.Unary, "pulumirpc.ResourceProvider", "GetPluginInfo", RawBytes, RawBytes);

    /// <summary>Reads field 1 (string) of a PluginInfo message; empty when absent.</summary>
    public static string ReadVersion(byte[] message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            var fieldNumber = tag >> 3;
            var wireType = tag & 7;
            if (wireType == 2)
            {
                var length = (int)ReadVarint(message, ref position);
                if (fieldNumber == 1)
                {
                    return Encoding.UTF8.GetString(message, position, length);
                }

                position += length;
            }
            else if (wireType == 0)
            {
                ReadVarint(message, ref position);
            }
            else
            {
                throw new InvalidDataException($"unexpected wire type {wireType} in PluginInfo");
            }
        }

        return string.Empty;
    }

    private static ulong ReadVarint(byte[] buffer, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var current = buffer[position++];
            value |= (ulong)(current & 0x7f) << shift;
            if ((current & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("varint too long");
    }
}
