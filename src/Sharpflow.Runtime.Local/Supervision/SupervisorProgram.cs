using System.Runtime.InteropServices;

namespace Sharpflow.Runtime.Local.Supervision;

/// <summary>
/// The entry point of this assembly run as a program: <c>Sharpflow.Runtime.Local.dll supervise</c> is the workload
/// supervisor a local runtime starts (see <see cref="Supervisor"/>). Nothing else runs it.
/// </summary>
internal static class SupervisorProgram
{
    public const string Verb = "supervise";

    public static int Main(string[] args)
    {
        if (args is not [Verb])
        {
            Console.Error.WriteLine($"usage: Sharpflow.Runtime.Local {Verb}  (started by the local workload runtime; reads spawn requests on stdin)");
            return 2;
        }

        // The supervisor leads a session of its own, so no terminal sends it these; whoever does gets the same answer
        // as the server's workloads would: they keep running. It exits by itself once the server is gone and the last
        // workload ended; SIGKILL still ends it at once.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = true);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => context.Cancel = true);
        using var input = new StreamReader(Console.OpenStandardInput());
        using var output = Console.OpenStandardOutput();
        new Supervisor(input, output).Run();
        return 0;
    }
}
