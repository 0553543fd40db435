using System.Globalization;
using System.Xml.Linq;

namespace Sharpflow.Testing.S3;

/// <summary>S3's XML bodies: errors (no namespace), and results in the 2006-03-01 namespace.</summary>
internal static class S3Xml
{
    public static readonly XNamespace Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    public static string Error(FakeS3Error error, string resource, string requestId, string? bucket, string? key)
    {
        var root = new XElement("Error",
            new XElement("Code", error.Code),
            new XElement("Message", error.Message));
        if (bucket is not null && error.Code == "NoSuchBucket")
        {
            root.Add(new XElement("BucketName", bucket));
        }

        if (key is not null && error.Code == "NoSuchKey")
        {
            root.Add(new XElement("Key", key));
        }

        root.Add(new XElement("Resource", resource), new XElement("RequestId", requestId), new XElement("HostId", requestId));
        return Document(root);
    }

    public static string Result(string name, params object[] content) => Document(new XElement(Namespace + name, content));

    public static XElement Element(string name, object? content) => new(Namespace + name, content);

    /// <summary>ISO 8601 with milliseconds, as listings show LastModified.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads a request body's XML, answering MalformedXML when it is not.</summary>
    public static XDocument Parse(byte[] body)
    {
        try
        {
            using var stream = new MemoryStream(body);
            return XDocument.Load(stream);
        }
        catch (System.Xml.XmlException e)
        {
            throw new FakeS3Error(400, "MalformedXML", $"The XML you provided was not well-formed or did not validate against our published schema: {e.Message}");
        }
    }

    private static string Document(XElement root) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + root.ToString(SaveOptions.DisableFormatting);
}
