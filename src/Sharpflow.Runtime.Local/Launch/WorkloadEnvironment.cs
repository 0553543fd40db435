using System.Globalization;
using System.Text;
using Sharpflow.Core.Workloads;

namespace Sharpflow.Runtime.Local.Launch;

/// <summary>
/// Builds a workload's environment. The server's environment is not inherited wholesale: only the listed basics
/// (<see cref="LocalRuntimeOptions.InheritedEnvironment"/>), then the image entry's variables, then the spec's env,
/// then what the runtime provides, which wins: <c>SHARPFLOW_WORKLOAD_ID</c>, <c>PORT</c> (the first port),
/// <c>SHARPFLOW_PORT_&lt;NAME&gt;</c>, <c>SHARPFLOW_VOLUME_&lt;NAME&gt;</c> and, on a node with GPUs,
/// <c>CUDA_VISIBLE_DEVICES</c>. The image's PATH prefix goes in front of the final PATH.
/// </summary>
internal static class WorkloadEnvironment
{
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static Dictionary<string, string> Build(
        WorkloadSpec spec,
        LocalImageOptions? image,
        IReadOnlyList<string> inherited,
        IReadOnlyList<KeyValuePair<string, int>> ports,
        IReadOnlyDictionary<string, string> volumes,
        IReadOnlyList<int>? gpuDevices)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in inherited)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                env[name] = value;
            }
        }

        env.TryAdd("PATH", DefaultPath);
        Overlay(env, image?.Env);
        Overlay(env, spec.Env);
        env["SHARPFLOW_WORKLOAD_ID"] = spec.Id;
        if (ports.Count > 0)
        {
            env["PORT"] = ports[0].Value.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (name, port) in ports)
        {
            env[VariableName("SHARPFLOW_PORT_", name)] = port.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (name, hostPath) in volumes)
        {
            env[VariableName("SHARPFLOW_VOLUME_", name)] = hostPath;
        }

        if (gpuDevices is not null)
        {
            env["CUDA_VISIBLE_DEVICES"] = string.Join(',', gpuDevices);
        }

        if (!string.IsNullOrEmpty(image?.PathPrefix))
        {
            env["PATH"] = image.PathPrefix + ":" + env["PATH"];
        }

        return env;
    }

    /// <summary>"SHARPFLOW_PORT_" + "http-metrics" gives "SHARPFLOW_PORT_HTTP_METRICS".</summary>
    public static string VariableName(string prefix, string name)
    {
        var builder = new StringBuilder(prefix, prefix.Length + name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        return builder.ToString();
    }

    private static void Overlay(Dictionary<string, string> env, IReadOnlyDictionary<string, string>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var (name, value) in values)
        {
            env[name] = value;
        }
    }
}
