using System.Net.Http;
using Sharpflow.Api.Errors;

namespace Sharpflow.Cli.Infrastructure;

/// <summary>How errors read on stderr, modelled on kubectl's.</summary>
internal static class ErrorMessages
{
    public static string FromServer(ResourceException e) =>
        $"Error from server ({e.Reason ?? "Error"}): {e.Message}";

    public static int ExitCode(ResourceException e) => e.Code == 404 ? ExitCodes.NotFound : ExitCodes.Failure;

    public static string Unreachable(Uri server, HttpRequestException e) =>
        $"cannot reach the Sharpflow server at {Display(server)}: {Innermost(e).Message}; start it with 'sharpflow up' or pass --server";

    public static string Display(Uri server) => server.ToString().TrimEnd('/');

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
