using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Sharpflow.Dashboard.Runs.Artifacts;

/// <summary>
/// Markdown artifacts as HTML. A task wrote the text, so it is not trusted: raw HTML is not rendered (Markdig
/// escapes it), and links or images whose URL is not http(s), mailto or relative lose their URL, so a
/// <c>javascript:</c> link cannot run in the dashboard's page.
/// </summary>
internal static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }

            if (!link.IsImage)
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
                link.GetAttributes().AddPropertyIfNotExist("target", "_blank");
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var slash = url.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true;
        }

        var scheme = url[..colon].Trim().ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }
}
