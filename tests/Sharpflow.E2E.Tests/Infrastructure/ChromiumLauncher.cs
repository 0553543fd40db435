using Microsoft.Playwright;

namespace Sharpflow.E2E.Tests.Infrastructure;

/// <summary>
/// Starts Debian's Chromium through Playwright's driver (shipped in the NuGet package). Playwright's own
/// browser download is never used: the tests run offline against the system browser.
/// </summary>
internal static class ChromiumLauncher
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}: run scripts/install-test-deps.sh (it installs Debian's chromium package).");
        }

        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }
}
