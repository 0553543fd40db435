namespace Sharpflow.Cli;

/// <summary>The process exit codes of every <c>sharpflow</c> command (listed in <c>sharpflow --help</c>).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The server refused the request (invalid object, conflict, forbidden) or an operation failed.</summary>
    public const int Failure = 1;

    /// <summary>The command line could not be understood.</summary>
    public const int Usage = 2;

    /// <summary>No Sharpflow server answered at the address.</summary>
    public const int Unreachable = 3;

    /// <summary>The object, kind or namespace does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>A watched pipeline run ended FAILED or CANCELED.</summary>
    public const int RunFailed = 5;

    /// <summary>Interrupted by Ctrl-C before the command finished.</summary>
    public const int Interrupted = 130;

    public static string Describe() =>
        $"""
        Exit codes:
          {Ok}    success
          {Failure}    the server refused the request, or an operation failed
          {Usage}    usage error (unknown command, option or argument)
          {Unreachable}    cannot reach the Sharpflow server
          {NotFound}    not found (object, kind or namespace)
          {RunFailed}    the watched pipeline run failed or was canceled
          {Interrupted}  interrupted

        The server is --server, else $SHARPFLOW_SERVER, else {Client.SharpflowClient.DefaultServer}.
        """;
}
