using System.Text.Json.Nodes;

namespace Sharpflow.Server.KfpApi.Store;

/// <summary>A pipeline version to create: its names, and the compiled pipeline (with its platform document) it holds.</summary>
internal sealed record VersionRequest(
    string? Name,
    string? DisplayName,
    string? Description,
    JsonObject PipelineSpec,
    JsonObject? PlatformSpec,
    string? PackageUrl,
    string? CodeSourceUrl,
    string PipelineSpecField);
