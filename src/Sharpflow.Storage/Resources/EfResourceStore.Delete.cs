using Sharpflow.Api.Resources;
using Sharpflow.Core.Store;

namespace Sharpflow.Storage.Resources;

internal sealed partial class EfResourceStore
{
    private const string OrphanPolicy = "Orphan";

    public async Task<Resource?> DeleteAsync(ResourceKey key, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        await initializer.InitializeAsync(cancellationToken);
        await using var scope = await BeginWriteAsync(cancellationToken);
        var row = await FindRowAsync(scope.Db, key, NamespaceOf(key), cancellationToken);
        if (row is null)
        {
            return null;
        }

        var stored = ResourceJson.Deserialize(row.Body);
        CheckVersion(key, options?.ResourceVersion, stored);
        if (string.Equals(options?.PropagationPolicy, OrphanPolicy, StringComparison.OrdinalIgnoreCase))
        {
            await OrphanAsync(scope, stored.Metadata.Uid!, cancellationToken);
        }

        var result = await DeleteObjectAsync(scope, row.Id, stored, cancellationToken);
        if (scope.ChangeCount > 0)
        {
            await CommitAsync(scope, cancellationToken);
        }

        return result;
    }
}
