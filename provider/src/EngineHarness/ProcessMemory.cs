using System.Globalization;

namespace Otc.EngineHarness;

/// <summary>Memory figures of a live process from <c>/proc/&lt;pid&gt;/status</c> (Linux).</summary>
public static class ProcessMemory
{
    /// <summary>The resident-set high-water mark (VmHWM) in bytes, or null when the process or the field is gone.</summary>
    public static long? PeakResidentBytes(int processId) => ReadKilobytes(processId, "VmHWM:");

    /// <summary>The current resident set (VmRSS) in bytes, or null when unavailable.</summary>
    public static long? ResidentBytes(int processId) => ReadKilobytes(processId, "VmRSS:");

    private static long? ReadKilobytes(int processId, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (!line.StartsWith(field, StringComparison.Ordinal))
                {
                    continue;
                }

                var number = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return long.Parse(number, NumberStyles.Integer, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
            // The process exited between the check and the read.
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours to read.
        }

        return null;
    }
}
