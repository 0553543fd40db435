using System.Globalization;

namespace Sharpflow.Testing.Postgres;

/// <summary>Finds Debian's PostgreSQL server binaries (<c>/usr/lib/postgresql/{major}/bin</c>), newest major first.</summary>
internal static class PostgresBinaries
{
    private const string Root = "/usr/lib/postgresql";

    public static string FindBinDirectory()
    {
        var candidates = Directory.Exists(Root)
            ? Directory.GetDirectories(Root)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Major: int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0))
                .Where(c => File.Exists(Path.Combine(c.Dir, "initdb")) && File.Exists(Path.Combine(c.Dir, "pg_ctl")))
                .OrderByDescending(c => c.Major)
                .ToList()
            : [];
        return candidates.Count > 0
            ? candidates[0].Dir
            : throw new InvalidOperationException(
                $"No PostgreSQL server binaries found under {Root}/*/bin (initdb, pg_ctl). "
                + "The storage tests run against a real PostgreSQL: run scripts/install-test-deps.sh, which installs Debian's postgresql package.");
    }
}
