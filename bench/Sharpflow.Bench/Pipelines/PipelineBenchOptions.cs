using System.Globalization;

namespace Sharpflow.Bench.Pipelines;

internal sealed record PipelineBenchOptions
{
    /// <summary>Steps of the sequential pipeline.</summary>
    public int Steps { get; init; } = 200;

    /// <summary>Iterations of the ParallelFor.</summary>
    public int Iterations { get; init; } = 2_000;

    public int Parallelism { get; init; } = 16;

    public static PipelineBenchOptions Parse(string[] args)
    {
        var options = new PipelineBenchOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--steps" => options with { Steps = value },
                "--iterations" => options with { Iterations = value },
                "--parallelism" => options with { Parallelism = value },
                _ => throw new ArgumentException($"unknown option {args[i]}; known: --steps, --iterations, --parallelism"),
            };
        }

        return options;
    }
}
