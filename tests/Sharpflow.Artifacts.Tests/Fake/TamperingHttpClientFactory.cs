using Amazon.Runtime;

namespace Sharpflow.Artifacts.Tests.Fake;

/// <summary>An HTTP client for the SDK that flips one byte in the middle of every upload's body after it was signed.</summary>
public sealed class TamperingHttpClientFactory : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new TamperingHandler(), disposeHandler: true);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    private sealed class TamperingHandler() : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Put && request.Content is { } content)
            {
                var body = await content.ReadAsByteArrayAsync(cancellationToken);
                body[body.Length / 2] ^= 0xFF;
                var altered = new ByteArrayContent(body);
                foreach (var header in content.Headers)
                {
                    altered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                request.Content = altered;
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
