using Microsoft.Playwright;

namespace Sharpflow.E2E.Tests.Infrastructure;

/// <summary>
/// Full-page PNGs of what the tests saw, under the test output's <c>artifacts/screenshots</c>, and also under
/// <c>$SHARPFLOW_ARTIFACTS/screenshots</c> when that variable names a directory (CI collects it).
/// </summary>
internal static class Screenshots
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name + ".png");
        // Park the pointer and finish transitions (hover shades, ripples) so pictures show the page, not the last click.
        await page.Mouse.MoveAsync(1, 1);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = path,
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide,
        });
        if (Environment.GetEnvironmentVariable("SHARPFLOW_ARTIFACTS") is { Length: > 0 } artifacts)
        {
            var copies = Path.Combine(artifacts, "screenshots");
            System.IO.Directory.CreateDirectory(copies);
            File.Copy(path, Path.Combine(copies, name + ".png"), overwrite: true);
        }

        return path;
    }
}
