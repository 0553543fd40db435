using Sharpflow.Api.Resources;

namespace Sharpflow.Core.Controllers;

/// <summary>Routes keys to the running controller of their kind; holds nothing while controllers are stopped.</summary>
internal sealed class ControllerTrigger : IControllerTrigger
{
    private volatile Dictionary<(string Group, string Kind), Controller[]> _byKind = [];

    public void Enqueue(ResourceKey key)
    {
        if (_byKind.TryGetValue((key.Group, key.Kind), out var controllers))
        {
            foreach (var controller in controllers)
            {
                controller.Enqueue(key);
            }
        }
    }

    public void Attach(IEnumerable<Controller> controllers) =>
        _byKind = controllers.GroupBy(c => (c.Kind.Group, c.Kind.Kind)).ToDictionary(g => g.Key, g => g.ToArray());

    public void Detach() => _byKind = [];
}
