using Microsoft.Playwright;

using Reseller.AppHost;
using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.WebTests.Infrastructure;

/// <summary>
/// The whole system (the end-to-end tests' host, in a data directory of its own, so both suites may run at once) and a
/// Debian's Chromium headless shell driven by Playwright.
/// </summary>
public sealed class WebSystem : IAsyncLifetime, IDisposable
{
    public const string DataDirectoryName = "web";

    private IPlaywright? playwright;

    // The AppHost keeps the telemetry itself, so the ops console's tests see what its stores received. A French vendor
    // charging French VAT, as the pages then show it (every partner the tests sign up is French).
    public ResellerSystem System { get; } = new(DataDirectoryName, [], ChargeFrenchVat, appHostKeepsTelemetry: true);

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl => System.GatewayUrl;

    public async Task InitializeAsync()
    {
        await System.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // The headless shell, not the whole browser in headless mode: the same rendering for a third less CPU.
            ExecutablePath = "/usr/bin/chromium-headless-shell",
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        // A loaded two-core machine renders slowly: assertions wait for their condition up to this long.
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    public GatewayClient Api() => System.Client();

    private static void ChargeFrenchVat(IDictionary<string, string> environment, ApplicationModel model, DistributedApplication app)
    {
        environment["Billing__Issuer__Country"] = "FR";
        environment["Billing__Invoices__TaxRates__FR"] = "20";
    }

    public async Task<BrowserSession> OpenAsync(string language = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            Locale = language,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
            ViewportSize = BrowserSession.Desktop,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await BrowserSession.StartAsync(context);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        await System.DisposeAsync();
    }

    public void Dispose() => System.Dispose();
}
