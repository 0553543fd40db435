using System.Text.Json.Nodes;
using Sharpflow.Api.Errors;
using Sharpflow.Api.Kinds;
using Sharpflow.Api.Resources;
using Sharpflow.Core.Controllers;

namespace Sharpflow.Server.Tests.Infrastructure;

/// <summary>Rejects widgets whose spec.size is negative, so tests can see validators answer 422.</summary>
public sealed class WidgetValidator : IResourceValidator
{
    public ResourceKind Kind => TestKinds.Widget;

    public IReadOnlyList<StatusCause> Validate(Resource resource) =>
        resource.Spec?["size"] is JsonValue size && size.TryGetValue<int>(out var value) && value < 0
            ? [new StatusCause { Reason = "FieldValueInvalid", Field = "spec.size", Message = $"must be 0 or more, got {value}" }]
            : [];
}
