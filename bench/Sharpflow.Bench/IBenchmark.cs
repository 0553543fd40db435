namespace Sharpflow.Bench;

/// <summary>A benchmark run by its verb; prints its figures beside their targets.</summary>
internal interface IBenchmark
{
    string Verb { get; }

    string Description { get; }

    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
