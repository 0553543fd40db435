namespace Sharpflow.Pipelines.Tests.Engine.Support;

/// <summary>
/// Stands in for the public bucket pipeline_with_importer.yaml imports from: the filesystem artifact store keeps
/// <c>gs://bucket/key</c> at <c>&lt;data&gt;/artifacts/remote/gcs/bucket/key</c>, where the files are put.
/// </summary>
public static class RemoteMirror
{
    public static void Seed(string dataDirectory)
    {
        var bucket = Path.Combine(dataDirectory, "artifacts", "remote", "gcs", "ml-pipeline-playground");
        Directory.CreateDirectory(bucket);
        File.WriteAllText(Path.Combine(bucket, "shakespeare1.txt"), "From fairest creatures we desire increase,\n");
        File.WriteAllText(Path.Combine(bucket, "shakespeare2.txt"), "When forty winters shall besiege thy brow,\n");
    }
}
