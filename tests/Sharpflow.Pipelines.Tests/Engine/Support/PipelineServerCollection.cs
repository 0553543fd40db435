namespace Sharpflow.Pipelines.Tests.Engine.Support;

[CollectionDefinition(Name)]
public sealed class PipelineServerCollection : ICollectionFixture<PipelineServerFixture>
{
    public const string Name = "pipeline server";
}
