using System.Text.Json.Nodes;
using Sharpflow.Api.Resources;

namespace Sharpflow.Server.KfpApi.Store;

/// <summary>What a run or recurring run request settles besides its kind-specific fields: where it goes and its common spec.</summary>
internal sealed record RunSettings(string Namespace, Resource Experiment, string DisplayName, JsonObject Spec);
