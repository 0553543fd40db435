using Sharpflow.Api.Resources;

namespace Sharpflow.Core.Store;

/// <summary>
/// Durable home of every resource. Implementations keep Kubernetes semantics: a global, monotonically
/// increasing resourceVersion; optimistic concurrency; generation bumped by spec changes only; status
/// as a subresource; deletion that waits for finalizers and cascades to owned objects; and a watch
/// that replays every change after a given resourceVersion in order, across restarts.
/// Errors a caller can cause are thrown as <see cref="Api.Errors.ResourceException"/>.
/// </summary>
public interface IResourceStore
{
    /// <summary>Returns the object, or null when there is none.</summary>
    Task<Resource?> GetAsync(ResourceKey key, CancellationToken cancellationToken = default);

    /// <summary>The object of that kind whose metadata.uid is <paramref name="uid"/> (in any namespace), or null.</summary>
    Task<Resource?> GetByUidAsync(string group, string kind, string uid, CancellationToken cancellationToken = default);

    Task<ResourceList> ListAsync(ListQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the object: assigns uid, resourceVersion, generation 1 and creationTimestamp; fills
    /// metadata.name from generateName. Throws 409 AlreadyExists, or 422 Invalid for a bad name.
    /// </summary>
    Task<Resource> CreateAsync(Resource resource, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces metadata and spec (and the top-level extra fields). When metadata.resourceVersion is set
    /// it must match the stored one, else 409 Conflict. Status is kept as stored when the kind has a status
    /// subresource. Generation increases only when spec changed. Removing the last finalizer of an object
    /// being deleted completes the deletion.
    /// </summary>
    Task<Resource> UpdateAsync(Resource resource, CancellationToken cancellationToken = default);

    /// <summary>Replaces status only (same concurrency rule); never changes generation.</summary>
    Task<Resource> UpdateStatusAsync(Resource resource, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the object. With finalizers it is only marked (deletionTimestamp set) and returned;
    /// otherwise it is removed, its owned objects are deleted in turn, and the last state is returned.
    /// Returns null when there was nothing to delete.
    /// </summary>
    Task<Resource?> DeleteAsync(ResourceKey key, DeleteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams every change matching the query with a resourceVersion greater than
    /// <see cref="WatchQuery.ResourceVersion"/>, in order, then live changes until cancelled.
    /// </summary>
    IAsyncEnumerable<WatchEvent> WatchAsync(WatchQuery query, CancellationToken cancellationToken = default);

    /// <summary>The resourceVersion of the latest change in the store ("0" when empty).</summary>
    Task<string> GetCurrentVersionAsync(CancellationToken cancellationToken = default);
}
