namespace Sharpflow.Core.Artifacts;

/// <summary>A URI no configured artifact store serves, or one that is malformed for its store.</summary>
public sealed class ArtifactStoreException : Exception
{
    public ArtifactStoreException(string message)
        : base(message)
    {
    }

    public ArtifactStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
