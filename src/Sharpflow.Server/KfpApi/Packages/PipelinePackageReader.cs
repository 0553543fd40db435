using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Sharpflow.Server.KfpApi.Errors;

namespace Sharpflow.Server.KfpApi.Packages;

/// <summary>
/// The pipeline text of an uploaded or fetched package: a <c>.yaml</c>/<c>.yml</c> (or <c>.json</c>) file as it is, or the
/// one YAML file of a <c>.zip</c> or <c>.tar.gz</c>/<c>.tgz</c> (<c>pipeline.yaml</c> when there are several), as kfp.Client
/// reads packages. At most <see cref="MaxBytes"/>, unpacked too.
/// </summary>
internal static class PipelinePackageReader
{
    public const long MaxBytes = 32L * 1024 * 1024;

    public static async Task<string> ReadAsync(string fileName, Stream content, string field, CancellationToken cancellationToken)
    {
        var name = fileName.ToLowerInvariant();
        try
        {
            if (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal))
            {
                return await ReadTextAsync(content, field, fileName, cancellationToken);
            }

            if (name.EndsWith(".zip", StringComparison.Ordinal))
            {
                return await ReadZipAsync(content, field, fileName, cancellationToken);
            }

            if (name.EndsWith(".tar.gz", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal))
            {
                return await ReadTarGzAsync(content, field, fileName, cancellationToken);
            }
        }
        catch (InvalidDataException e)
        {
            throw KfpErrors.InvalidArgument(field, $"\"{fileName}\" is not a readable archive: {e.Message}");
        }

        throw KfpErrors.InvalidArgument(field, $"\"{fileName}\" is not a pipeline package: upload a compiled pipeline as .yaml, .yml, .zip or .tar.gz");
    }

    private static async Task<string> ReadZipAsync(Stream content, string field, string fileName, CancellationToken cancellationToken)
    {
        using var buffered = await BufferAsync(content, field, fileName, cancellationToken);
        using var zip = new ZipArchive(buffered, ZipArchiveMode.Read);
        var files = zip.Entries.Where(e => !e.FullName.EndsWith('/') && IsYaml(e.FullName)).ToList();
        var chosen = Choose(files, e => e.FullName, field, fileName);
        await using var entry = chosen.Open();
        return await ReadTextAsync(entry, field, $"{fileName}:{chosen.FullName}", cancellationToken);
    }

    private static async Task<string> ReadTarGzAsync(Stream content, string field, string fileName, CancellationToken cancellationToken)
    {
        await using var gzip = new GZipStream(content, CompressionMode.Decompress, leaveOpen: true);
        await using var tar = new TarReader(gzip, leaveOpen: true);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && IsYaml(entry.Name) && entry.DataStream is { } data)
            {
                texts[entry.Name] = await ReadTextAsync(data, field, $"{fileName}:{entry.Name}", cancellationToken);
            }
        }

        return texts[Choose(texts.Keys.ToList(), n => n, field, fileName)];
    }

    private static T Choose<T>(IReadOnlyList<T> files, Func<T, string> nameOf, string field, string fileName)
    {
        if (files.FirstOrDefault(f => Path.GetFileName(nameOf(f)) == "pipeline.yaml") is { } preferred)
        {
            return preferred;
        }

        return files.Count switch
        {
            1 => files[0],
            0 => throw KfpErrors.InvalidArgument(field, $"\"{fileName}\" holds no .yaml file: the archive must hold the compiled pipeline"),
            _ => throw KfpErrors.InvalidArgument(
                field, $"\"{fileName}\" holds several .yaml files ({string.Join(", ", files.Select(nameOf))}): name the pipeline pipeline.yaml or keep only one"),
        };
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static async Task<MemoryStream> BufferAsync(Stream content, string field, string fileName, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                await buffer.DisposeAsync();
                throw TooLarge(field, fileName);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static async Task<string> ReadTextAsync(Stream content, string field, string fileName, CancellationToken cancellationToken)
    {
        using var buffered = await BufferAsync(content, field, fileName, cancellationToken);
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffered.GetBuffer(), 0, (int)buffered.Length);
        }
        catch (DecoderFallbackException)
        {
            throw KfpErrors.InvalidArgument(field, $"\"{fileName}\" is not UTF-8 text: a compiled pipeline is YAML");
        }
    }

    public static Sharpflow.Api.Errors.ResourceException TooLarge(string field, string fileName) =>
        KfpErrors.InvalidArgument(field, $"\"{fileName}\" is larger than the {MaxBytes / (1024 * 1024)} MiB a pipeline package may have");
}
