using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Sharpflow.Pipelines.Resources;
using Sharpflow.Server.KfpApi.Errors;
using Sharpflow.Server.KfpApi.Json;
using Sharpflow.Server.KfpApi.Mapping;
using Sharpflow.Server.KfpApi.Packages;
using Sharpflow.Server.KfpApi.Store;

namespace Sharpflow.Server.KfpApi;

/// <summary>
/// KFP's PipelineUploadService: <c>POST /pipelines/upload</c> (a new pipeline and its first version) and
/// <c>POST /pipelines/upload_version</c>, each a multipart form with the package in the field <c>uploadfile</c>.
/// </summary>
internal sealed class KfpUploadHandlers(KfpStore store, PipelineFactory pipelines, PipelineVersionFactory versions)
{
    public const string FileField = "uploadfile";

    public async Task<IResult> UploadPipelineAsync(HttpContext context)
    {
        var (fileName, text) = await ReadUploadAsync(context);
        var request = context.Request;
        var displayName = KfpQuery.String(request, "display_name");
        var name = KfpQuery.String(request, "name") ?? displayName ?? Stem(fileName);
        var description = KfpQuery.String(request, "description");
        var pipeline = PipelineFactory.Build(KfpNamespaces.Resolve(KfpQuery.String(request, "namespace")), name, displayName ?? name, description, null);
        var package = PipelineVersionFactory.Parse(text, FileField);
        var version = new VersionRequest(null, displayName ?? name, description, package.SpecJson, package.PlatformSpec, null, null, FileField);
        var (created, _) = await pipelines.CreateWithVersionAsync(context, pipeline, version);
        return KfpJson.Result(PipelineJson.From(created));
    }

    public async Task<IResult> UploadVersionAsync(HttpContext context)
    {
        var request = context.Request;
        var pipelineId = KfpQuery.String(request, "pipelineid") ?? KfpQuery.String(request, "pipeline_id")
            ?? throw KfpErrors.InvalidArgument("pipelineid", "is required: the id of the pipeline the version belongs to");
        var pipeline = await store.GetByIdAsync(context, PipelineKinds.Pipeline, pipelineId, "get");
        await KfpStore.AuthorizeAsync(context, "create", PipelineKinds.PipelineVersion, pipeline.Metadata.Namespace);
        var (fileName, text) = await ReadUploadAsync(context);
        var givenName = KfpQuery.String(request, "name");
        var displayName = KfpQuery.String(request, "display_name");
        var package = PipelineVersionFactory.Parse(text, FileField);
        var versionRequest = new VersionRequest(
            givenName ?? displayName ?? Stem(fileName),
            displayName ?? givenName,
            KfpQuery.String(request, "description"),
            package.SpecJson,
            package.PlatformSpec,
            null,
            null,
            FileField);
        var version = versions.Build(pipeline.Metadata.Namespace!, pipeline.Metadata.Name!, versionRequest);
        var created = await versions.CreateAsync(version, pipeline, nameGiven: givenName is not null, context.RequestAborted);
        return KfpJson.Result(PipelineVersionJson.From(created, pipelineId));
    }

    /// <summary>The uploaded file's name and pipeline text; a missing, oversized or unreadable upload is a 400 naming <c>uploadfile</c>.</summary>
    private static async Task<(string FileName, string Text)> ReadUploadAsync(HttpContext context)
    {
        // A package may be up to 32 MiB, above the server's default body limit. The limit here is twice that, so that a
        // somewhat larger upload is still read and answered with a 400 naming the limit, instead of a dropped connection.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = (2 * PipelinePackageReader.MaxBytes) + (1024 * 1024);
        }

        var request = context.Request;
        if (!request.HasFormContentType)
        {
            throw KfpErrors.InvalidArgument(FileField, "is required: send the compiled pipeline as multipart/form-data with the file in the field \"uploadfile\"");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException e)
        {
            throw KfpErrors.InvalidArgument(FileField, $"the multipart body cannot be read: {e.Message}");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw PipelinePackageReader.TooLarge(FileField, "the upload");
        }

        var file = form.Files.GetFile(FileField)
            ?? throw KfpErrors.InvalidArgument(FileField, $"is required: the form has no file in the field \"uploadfile\"{(form.Files.Count == 0 ? string.Empty : $" (it has {string.Join(", ", form.Files.Select(f => f.Name))})")}");
        if (file.Length > PipelinePackageReader.MaxBytes)
        {
            throw PipelinePackageReader.TooLarge(FileField, file.FileName);
        }

        await using var content = file.OpenReadStream();
        var fileName = string.IsNullOrEmpty(file.FileName) ? "pipeline.yaml" : file.FileName;
        return (fileName, await PipelinePackageReader.ReadAsync(fileName, content, FileField, context.RequestAborted));
    }

    /// <summary>"hello_world.yaml" → "hello_world", the default pipeline name as KFP takes it from the file.</summary>
    private static string Stem(string fileName)
    {
        var name = Path.GetFileName(fileName);
        foreach (var extension in (string[])[".tar.gz", ".tgz", ".yaml", ".yml", ".zip", ".json"])
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^extension.Length];
            }
        }

        return name;
    }
}
