using Sharpflow.Api.Resources;

namespace Sharpflow.Core.Controllers;

/// <summary>Sends each watched change to the controller of its kind and to the controller owners of owned kinds.</summary>
internal sealed class ControllerDispatcher
{
    private readonly ILookup<(string Group, string Kind), Controller> _byKind;
    private readonly ILookup<(string Group, string Kind), Controller> _byOwnedKind;

    public ControllerDispatcher(IReadOnlyList<Controller> controllers)
    {
        _byKind = controllers.ToLookup(c => (c.Kind.Group, c.Kind.Kind));
        _byOwnedKind = controllers
            .SelectMany(c => c.OwnedKinds.Select(owned => (Owned: owned, Controller: c)))
            .ToLookup(p => (p.Owned.Group, p.Owned.Kind), p => p.Controller);
    }

    public void Dispatch(WatchEvent change)
    {
        if (change.Type == WatchEventType.Bookmark || change.Object.Metadata.Name is null)
        {
            return;
        }

        var resource = change.Object;
        var kind = (resource.Group, resource.Kind);
        foreach (var controller in _byKind[kind])
        {
            controller.Enqueue(change);
        }

        foreach (var controller in _byOwnedKind[kind])
        {
            EnqueueOwner(controller, resource);
        }
    }

    private static void EnqueueOwner(Controller controller, Resource child)
    {
        foreach (var owner in child.Metadata.OwnerReferences ?? [])
        {
            if (owner.Controller == true
                && owner.Kind == controller.Kind.Kind
                && ApiVersions.Group(owner.ApiVersion) == controller.Kind.Group)
            {
                var ns = controller.Kind.Namespaced ? child.Metadata.Namespace : null;
                controller.Enqueue(new ResourceKey(controller.Kind.Group, controller.Kind.Kind, ns, owner.Name));
            }
        }
    }
}
