using Sharpflow.Api.Errors;
using Sharpflow.Api.Resources;

namespace Sharpflow.Storage.Resources;

internal sealed partial class EfResourceStore
{
    private const int GeneratedNameAttempts = 4;

    public async Task<Resource> CreateAsync(Resource resource, CancellationToken cancellationToken = default)
    {
        await initializer.InitializeAsync(cancellationToken);
        var traits = kinds.Find(resource.Group, resource.Kind);
        var generate = string.IsNullOrEmpty(resource.Metadata.Name) && !string.IsNullOrEmpty(resource.Metadata.GenerateName);
        for (var attempt = 1; ; attempt++)
        {
            var name = generate ? NameGenerator.Generate(resource.Metadata.GenerateName!) : resource.Metadata.Name;
            var candidate = resource with
            {
                Metadata = resource.Metadata with
                {
                    Name = name,
                    Namespace = traits.Namespaced ? resource.Metadata.Namespace : null,
                    Uid = Guid.NewGuid().ToString(),
                    ResourceVersion = null,
                    Generation = 1,
                    CreationTimestamp = time.GetUtcNow(),
                    DeletionTimestamp = null,
                },

                // As in Kubernetes, status is written through the status subresource only.
                Status = traits.HasStatusSubresource ? null : resource.Status,
            };
            ResourceValidation.Validate(candidate, traits);
            try
            {
                await using var scope = await BeginWriteAsync(cancellationToken);
                var created = await InsertAsync(scope, candidate, cancellationToken);
                await CommitAsync(scope, cancellationToken);
                return created;
            }
            catch (Exception ex) when (provider.IsUniqueViolation(ex))
            {
                if (!generate || attempt == GeneratedNameAttempts)
                {
                    throw ResourceException.AlreadyExists(ResourceKey.Of(candidate));
                }
            }
        }
    }
}
