using Sharpflow.Storage.Tests.Durability;

namespace Sharpflow.Storage.Tests;

/// <summary>
/// The test assembly's entry point. The test runner never calls it; the durability test starts this
/// assembly as a child process (<c>dotnet Sharpflow.Storage.Tests.dll durability-writer ...</c>).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [DurabilityWriter.Verb, var connectionString])
        {
            await DurabilityWriter.RunAsync(connectionString);
            return 0;
        }

        await Console.Error.WriteLineAsync($"usage: {DurabilityWriter.Verb} <sqlite connection string>");
        return 2;
    }
}
