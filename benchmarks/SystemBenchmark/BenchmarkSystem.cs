using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Reseller.AppHost;

namespace Reseller.SystemBenchmark;

/// <summary>
/// The whole system started from the AppHost's model in this program's build configuration (Release), on free ports, with a
/// partner that has a card on file. Rate limits are lifted (they are tested elsewhere); everything else runs as shipped.
/// </summary>
public sealed class BenchmarkSystem : IAsyncDisposable
{
    private const string Password = "correct horse battery";

    private BenchmarkSystem(DistributedApplication app, TimeSpan startTime)
    {
        App = app;
        StartTime = startTime;
    }

    public DistributedApplication App { get; }

    public TimeSpan StartTime { get; }

    public Uri Gateway => App.GetEndpoint(ResellerResources.Gateway.Name);

    public Uri Accounts => App.GetEndpoint(ResellerResources.Accounts.Name);

    public string AccountsDb => App.GetConnectionString(ResellerResources.AccountsDb);

    public string PartnerToken { get; private set; } = "";

    public string BillingProfileId { get; private set; } = "";

    public static async Task<BenchmarkSystem> StartAsync(IReadOnlyDictionary<string, string> serviceEnvironment)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "reseller-system-bench");
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        var environment = new Dictionary<string, string>(serviceEnvironment)
        {
            ["Gateway__AnonymousRequestsPerMinute"] = "100000000",
            ["Gateway__PartnerRequestsPerMinute"] = "100000000",
        };
        var builder = DistributedApplicationBuilder.Create(new DistributedApplicationOptions
        {
            DataDirectory = dataDirectory,
            EphemeralPorts = true,
            LogSink = _ => { },
            Environment = environment,
        });
        var app = ResellerModel.Declare(builder).Build();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await app.StartAsync(CancellationToken.None);
        var system = new BenchmarkSystem(app, clock.Elapsed);
        await system.SignUpPartnerAsync();
        return system;
    }

    private async Task SignUpPartnerAsync()
    {
        using var http = new HttpClient { BaseAddress = Gateway, Timeout = TimeSpan.FromMinutes(1) };
        var email = $"bench-{Guid.NewGuid():N}@agency.test";
        using (var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/partners")
        {
            Content = JsonContent.Create(new { name = "Bench agency", email, password = Password, country = "FR", currency = "USD" }),
        })
        {
            create.Headers.Add("X-Admin-Key", App.AdminKey);
            using var created = await http.SendAsync(create);
            created.EnsureSuccessStatusCode();
        }
        using (var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password }))
        {
            PartnerToken = JsonNode.Parse(await token.EnsureSuccessStatusCode().Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        }
        using var profile = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing-profiles")
        {
            Content = JsonContent.Create(new { name = "Main card", card = new { number = "4242424242424242", exp_month = 12, exp_year = 2099, cvc = "123" } }),
        };
        profile.Headers.Authorization = new("Bearer", PartnerToken);
        using var answered = await http.SendAsync(profile);
        BillingProfileId = JsonNode.Parse(await answered.EnsureSuccessStatusCode().Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    public HttpRequestMessage Authorized(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new("Bearer", PartnerToken);
        return request;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
