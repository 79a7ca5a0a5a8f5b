using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

using Npgsql;

using Reseller.AppHost;

namespace Reseller.AccountListBenchmark;

/// <summary>A fresh system (every service and the gateway) with one partner whose accounts are seeded straight into accountsdb.</summary>
public sealed class ListRun : IAsyncDisposable
{
    private readonly DistributedApplication app;
    private readonly HttpClient http;
    private Guid partnerId;

    private ListRun(DistributedApplication app)
    {
        this.app = app;
        http = new HttpClient { BaseAddress = app.GetEndpoint(ResellerResources.Gateway.Name), Timeout = TimeSpan.FromMinutes(2) };
    }

    public static async Task<ListRun> StartAsync(CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "reseller-account-list-bench");
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
        return new ListRun(app);
    }

    public async Task SeedAsync(int accounts, CancellationToken cancellationToken)
    {
        var email = $"bench-{Guid.NewGuid():N}@agency.test";
        const string password = "correct horse battery";
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/partners")
        {
            Content = JsonContent.Create(new { name = "Bench agency", email, password, country = "FR", currency = "USD" }),
        };
        create.Headers.Add("X-Admin-Key", app.AdminKey);
        using var created = await http.SendAsync(create, cancellationToken);
        var partner = JsonNode.Parse(await created.EnsureSuccessStatusCode().Content.ReadAsStringAsync(cancellationToken))!;
        partnerId = Guid.ParseExact(partner["partner"]!["id"]!.GetValue<string>()["prt_".Length..], "N");
        using var login = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, cancellationToken);
        var token = JsonNode.Parse(await login.EnsureSuccessStatusCode().Content.ReadAsStringAsync(cancellationToken))!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var stopwatch = Stopwatch.StartNew();
        await Seeding.SeedAsync(app.GetConnectionString(ResellerResources.AccountsDb), partnerId, accounts, cancellationToken);
        Console.WriteLine($"seeded in {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Walks the scenario's pages <paramref name="walks"/> times (after one warm-up walk) and times every page request.</summary>
    public async Task<ScenarioResult> MeasureAsync(Scenario scenario, int walks, CancellationToken cancellationToken)
    {
        var timings = new List<double>();
        for (var walk = -1; walk < walks; walk++)
        {
            string? token = null;
            for (var page = 0; page < scenario.Pages; page++)
            {
                var url = $"/api/v1/accounts?page_size=50&{scenario.Query}" + (token is null ? "" : $"&page_token={Uri.EscapeDataString(token)}");
                var stopwatch = Stopwatch.StartNew();
                using var response = await http.GetAsync(url, cancellationToken);
                var body = await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync(cancellationToken);
                stopwatch.Stop();
                if (walk >= 0)
                {
                    timings.Add(stopwatch.Elapsed.TotalMilliseconds);
                }
                token = JsonNode.Parse(body)!["next_page_token"]?.GetValue<string>();
                if (token is null)
                {
                    break;
                }
            }
        }
        timings.Sort();
        return new ScenarioResult(scenario.Title, timings.Count, Percentile(timings, 0.50), Percentile(timings, 0.99), timings[^1]);
    }

    public async Task<string> ExplainAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(app.GetConnectionString(ResellerResources.AccountsDb));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, connection);
        command.Parameters.AddWithValue("partner", partnerId);
        var plan = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            plan.Append("  ").AppendLine(reader.GetString(0));
        }
        return plan.ToString();
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }
}
