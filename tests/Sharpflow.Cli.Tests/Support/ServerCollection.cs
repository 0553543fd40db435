namespace Sharpflow.Cli.Tests.Support;

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "sharpflow server";
}
