using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Reseller.AccountListBenchmark;
using Reseller.AppHost;

namespace Reseller.AccountsPageBenchmark;

/// <summary>A fresh system (every service, the dashboard and the gateway) with one partner signed in to the dashboard like a browser.</summary>
public sealed partial class PageRun : IAsyncDisposable
{
    private const string Password = "correct horse battery";
    private readonly DistributedApplication app;
    private readonly HttpClient http;
    private readonly string email = $"page-bench-{Guid.NewGuid():N}@agency.test";

    private PageRun(DistributedApplication app)
    {
        this.app = app;
        http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = app.GetEndpoint(ResellerResources.Gateway.Name),
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    public static async Task<PageRun> StartAsync(CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "reseller-accounts-page-bench");
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        var builder = DistributedApplicationBuilder.Create(new DistributedApplicationOptions
        {
            DataDirectory = dataDirectory,
            EphemeralPorts = true,
            LogSink = _ => { },
            Environment = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" },
        });
        var app = ResellerModel.Declare(builder).Build();
        await app.StartAsync(cancellationToken);
        return new PageRun(app);
    }

    public async Task SeedAsync(int accounts, CancellationToken cancellationToken)
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/partners")
        {
            Content = JsonContent.Create(new { name = "Page bench agency", email, password = Password, country = "FR", currency = "USD" }),
        };
        create.Headers.Add("X-Admin-Key", app.AdminKey);
        using var created = await http.SendAsync(create, cancellationToken);
        var partner = JsonNode.Parse(await created.EnsureSuccessStatusCode().Content.ReadAsStringAsync(cancellationToken))!;
        var partnerId = Guid.ParseExact(partner["partner"]!["id"]!.GetValue<string>()["prt_".Length..], "N");

        var stopwatch = Stopwatch.StartNew();
        await Seeding.SeedAsync(app.GetConnectionString(ResellerResources.AccountsDb), partnerId, accounts, cancellationToken);
        Console.WriteLine($"seeded in {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Signs in on the dashboard's static form, as a browser does: its hidden fields (antiforgery, handler) sent back with the credentials.</summary>
    public async Task SignInAsync(CancellationToken cancellationToken)
    {
        var form = await http.GetStringAsync("/signin", cancellationToken);
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Form.Email"] = email;
        fields["Form.Password"] = Password;
        using var content = new FormUrlEncodedContent(fields);
        using var signedIn = await http.PostAsync("/signin", content, cancellationToken);
        if (signedIn.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"Sign-in answered {(int)signedIn.StatusCode}.");
        }
        var first = await http.GetAsync("/accounts", cancellationToken);
        if (first.StatusCode != HttpStatusCode.OK || !(await first.Content.ReadAsStringAsync(cancellationToken)).Contains("<tbody>", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The signed-in accounts page answered {(int)first.StatusCode} without its table: the sign-in did not hold.");
        }
    }

    /// <summary>Times <paramref name="requests"/> renders of the page (after 10 warm-ups), one at a time, each to its last byte.</summary>
    public async Task<PageResult> MeasureAsync(int requests, CancellationToken cancellationToken)
    {
        var timings = new List<double>();
        var rows = 0;
        for (var i = -10; i < requests; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            using var response = await http.GetAsync("/accounts", cancellationToken);
            var html = await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync(cancellationToken);
            stopwatch.Stop();
            if (i >= 0)
            {
                timings.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
            rows = Row().Count(html) - 1;
        }
        timings.Sort();
        return new PageResult(timings.Count, rows, Percentile(timings, 0.50), Percentile(timings, 0.95), Percentile(timings, 0.99), timings[^1]);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<tr[ >]")]
    private static partial Regex Row();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }
}
