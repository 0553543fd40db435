using Sharpflow.Api.Resources;

namespace Sharpflow.Server.KfpApi.Mapping;

/// <summary>An experiment with the creation time of its newest run.</summary>
internal sealed record ExperimentView(Resource Experiment, DateTimeOffset? LastRunCreatedAt);
