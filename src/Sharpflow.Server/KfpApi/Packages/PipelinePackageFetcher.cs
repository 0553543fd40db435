using System.Net;
using Sharpflow.Server.KfpApi.Errors;

namespace Sharpflow.Server.KfpApi.Packages;

/// <summary>Downloads a pipeline package named by <c>package_url.pipeline_url</c> (http or https), as KFP's version creation does.</summary>
internal sealed class PipelinePackageFetcher(IHttpClientFactory clients)
{
    public const string ClientName = "kfp-package";
    private const string Field = "package_url.pipeline_url";

    public async Task<string> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw KfpErrors.InvalidArgument(
                Field, $"\"{url}\" is not an http or https URL: give the package's URL, the compiled pipeline as pipeline_spec, or upload the file (POST /apis/v2beta1/pipelines/upload_version)");
        }

        var client = clients.CreateClient(ClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw KfpErrors.InvalidArgument(Field, $"\"{url}\" could not be fetched: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw KfpErrors.InvalidArgument(Field, $"\"{url}\" did not answer in time");
        }

        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw KfpErrors.InvalidArgument(Field, $"\"{url}\" answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentLength > PipelinePackageReader.MaxBytes)
            {
                throw PipelinePackageReader.TooLarge(Field, url);
            }

            var fileName = Path.GetFileName(uri.AbsolutePath);
            await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await PipelinePackageReader.ReadAsync(string.IsNullOrEmpty(fileName) ? "pipeline.yaml" : fileName, content, Field, cancellationToken);
        }
    }
}
