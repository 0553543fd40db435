using System.Runtime.CompilerServices;
using Sharpflow.Core.Workloads;
using Sharpflow.Runtime.Local.Logs;

namespace Sharpflow.Runtime.Local;

internal sealed partial class LocalProcessRuntime
{
    private static readonly TimeSpan LogPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Lines of the workload's log file. With follow, waits for new lines until the workload has finished and the
    /// file is drained (a pending workload is waited for). An unknown or deleted workload has no lines.
    /// </summary>
    public async IAsyncEnumerable<string> ReadLogAsync(string id, LogOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await EnsureInitializedAsync(cancellationToken);
        WorkloadEntry? entry;
        lock (_gate)
        {
            _entries.TryGetValue(id, out entry);
        }

        if (entry is null)
        {
            yield break;
        }

        var splitter = new LogLineSplitter();
        var buffer = new byte[64 * 1024];
        FileStream? stream = null;
        try
        {
            while (true)
            {
                // Decided before reading: once finished, nothing more is written, so one more read drains the file.
                var last = !options.Follow || IsGone(entry) || entry.Finished.Task.IsCompleted;
                stream ??= await OpenLogAsync(entry, options.TailLines, cancellationToken);
                if (stream is not null)
                {
                    int read;
                    while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        foreach (var line in splitter.Push(buffer.AsMemory(0, read)))
                        {
                            yield return line;
                        }
                    }
                }

                if (last)
                {
                    break;
                }

                await Task.Delay(LogPollInterval, _timeProvider, cancellationToken);
            }

            if (splitter.Flush() is { } rest)
            {
                yield return rest;
            }
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>Deleted, or this runtime is shutting down: nothing more will be written on its behalf.</summary>
    private bool IsGone(WorkloadEntry entry)
    {
        lock (_gate)
        {
            return _disposed || !_entries.TryGetValue(entry.Id, out var current) || current != entry;
        }
    }

    /// <summary>Opens the log positioned at the requested tail; null while the workload has not written one yet.</summary>
    private static async Task<FileStream?> OpenLogAsync(WorkloadEntry entry, int? tailLines, CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(entry.Paths.Log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        if (tailLines is int lines)
        {
            stream.Position = await LogTail.FindStartAsync(stream, lines, cancellationToken);
        }

        return stream;
    }
}
