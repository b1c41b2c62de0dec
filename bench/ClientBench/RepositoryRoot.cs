namespace Otc.Bench.ClientBench;

internal static class RepositoryRoot
{
    /// <summary>The nearest folder above the working directory that holds <c>pulumi-otc.slnx</c>.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "pulumi-otc.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository (pulumi-otc.slnx not found), or pass --out FILE.");
    }
}
