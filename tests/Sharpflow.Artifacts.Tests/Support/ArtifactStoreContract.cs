using System.Text;
using Sharpflow.Core.Artifacts;

namespace Sharpflow.Artifacts.Tests.Support;

/// <summary>
/// The <see cref="IArtifactStore"/> contract, run against every store: single files and directories of files,
/// written, read, found, listed and deleted by URI.
/// </summary>
public abstract class ArtifactStoreContract
{
    protected abstract IArtifactStore Store { get; }

    /// <summary>A URI under which only this test writes (no trailing '/').</summary>
    protected abstract string Root { get; }

    [Fact]
    public async Task WriteAsync_NewFile_CanBeReadBack()
    {
        await WriteAsync("model.txt", "weights");

        Assert.Equal("weights", await ReadAsync("model.txt"));
    }

    [Fact]
    public async Task WriteAsync_ExistingFile_ReplacesContent()
    {
        await WriteAsync("model.txt", "first version, longer");
        await WriteAsync("model.txt", "second");

        Assert.Equal("second", await ReadAsync("model.txt"));
    }

    [Fact]
    public async Task WriteAsync_NonSeekableStream_StoresEveryByte()
    {
        var content = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251)).ToArray();
        await using (var stream = new ForwardOnlyStream(content))
        {
            await Store.WriteAsync(Uri("blob.bin"), stream);
        }

        await using var read = await Store.OpenReadAsync(Uri("blob.bin"));
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task OpenReadAsync_Missing_ReturnsNull()
    {
        Assert.Null(await Store.OpenReadAsync(Uri("missing.txt")));
    }

    [Fact]
    public async Task OpenReadAsync_Directory_ReturnsNull()
    {
        await WriteAsync("dir/a.txt", "a");

        Assert.Null(await Store.OpenReadAsync(Uri("dir")));
    }

    [Fact]
    public async Task ExistsAsync_FileDirectoryAndMissing_TellsThemApart()
    {
        await WriteAsync("file.txt", "x");
        await WriteAsync("dir/nested/a.txt", "a");

        Assert.True(await Store.ExistsAsync(Uri("file.txt")));
        Assert.True(await Store.ExistsAsync(Uri("dir")));
        Assert.True(await Store.ExistsAsync(Uri("dir/")));
        Assert.False(await Store.ExistsAsync(Uri("missing")));
        Assert.False(await Store.ExistsAsync(Uri("di")));
    }

    [Fact]
    public async Task ListAsync_File_ReturnsItselfWithSize()
    {
        await WriteAsync("metrics.json", "{\"accuracy\": 0.9}");

        var listed = Assert.Single(await Store.ListAsync(Uri("metrics.json")));
        Assert.Equal(Uri("metrics.json"), listed.Uri);
        Assert.Equal(17, listed.Size);
        Assert.True(listed.LastModified > DateTimeOffset.UtcNow.AddHours(-1), $"last modified {listed.LastModified}");
    }

    [Fact]
    public async Task ListAsync_Directory_ReturnsEveryFileBelowInOrderButNoSiblings()
    {
        await WriteAsync("data/b.csv", "b");
        await WriteAsync("data/a.csv", "a");
        await WriteAsync("data/nested/c.csv", "cc");
        await WriteAsync("data-2/other.csv", "sibling sharing the prefix");
        await WriteAsync("data.csv", "sibling file");

        var listed = await Store.ListAsync(Uri("data"));

        Assert.Equal([Uri("data/a.csv"), Uri("data/b.csv"), Uri("data/nested/c.csv")], listed.Select(o => o.Uri));
        Assert.Equal([1L, 1L, 2L], listed.Select(o => o.Size));
    }

    [Fact]
    public async Task ListAsync_Missing_ReturnsEmpty()
    {
        Assert.Empty(await Store.ListAsync(Uri("nothing-here")));
    }

    [Fact]
    public async Task DeleteAsync_Directory_RemovesEverythingBelowButNoSiblings()
    {
        await WriteAsync("out/a.txt", "a");
        await WriteAsync("out/deep/b.txt", "b");
        await WriteAsync("out-kept/c.txt", "c");

        await Store.DeleteAsync(Uri("out"));

        Assert.False(await Store.ExistsAsync(Uri("out")));
        Assert.Empty(await Store.ListAsync(Uri("out")));
        Assert.Equal("c", await ReadAsync("out-kept/c.txt"));
    }

    [Fact]
    public async Task DeleteAsync_File_RemovesIt()
    {
        await WriteAsync("old.txt", "x");

        await Store.DeleteAsync(Uri("old.txt"));

        Assert.False(await Store.ExistsAsync(Uri("old.txt")));
    }

    [Fact]
    public async Task DeleteAsync_Missing_DoesNothing()
    {
        await Store.DeleteAsync(Uri("never-written"));

        Assert.False(await Store.ExistsAsync(Uri("never-written")));
    }

    protected string Uri(string relative) => $"{Root}/{relative}";

    protected async Task WriteAsync(string relative, string text)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await Store.WriteAsync(Uri(relative), content);
    }

    protected async Task<string?> ReadAsync(string relative)
    {
        await using var stream = await Store.OpenReadAsync(Uri(relative));
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
