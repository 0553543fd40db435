using System.Globalization;

namespace Sharpflow.Bench.Store;

internal sealed record StoreBenchOptions
{
    public string Provider { get; init; } = "sqlite";

    /// <summary>Null: a fresh SQLite file in a temporary folder.</summary>
    public string? ConnectionString { get; init; }

    public int Objects { get; init; } = 10_000;

    public int Writers { get; init; } = 4;

    public int ConcurrentCreates { get; init; } = 4_000;

    public int Gets { get; init; } = 2_000;

    public int Watchers { get; init; } = 10;

    public int Changes { get; init; } = 2_000;

    public static StoreBenchOptions Parse(string[] args)
    {
        var options = new StoreBenchOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--provider" => options with { Provider = value },
                "--connection" => options with { ConnectionString = value },
                "--objects" => options with { Objects = Int(value) },
                "--writers" => options with { Writers = Int(value) },
                "--watchers" => options with { Watchers = Int(value) },
                "--changes" => options with { Changes = Int(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}; known: --provider sqlite|postgres, --connection, --objects, --writers, --watchers, --changes"),
            };
        }

        return options;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
