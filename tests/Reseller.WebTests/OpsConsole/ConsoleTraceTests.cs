using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;

using Microsoft.Playwright;

using Reseller.AppHost.Telemetry;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;
using Reseller.Testing.AssemblyFixtures;
using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.OpsConsole;

/// <summary>
/// Issue 15, must hold 1: after the first flow (a paid account created through the gateway), the AppHost's stores and its console
/// show one trace across gateway, Accounts, RabbitMQ and Billing, and the logs of that trace come from those services.
/// Alone: the traces page lists the newest 50 matching traces and the store keeps the newest spans, and a class beside it
/// creating accounts while this one waits for the whole trace once pushed its trace off the page (2026-12-07).
/// </summary>
[RunsAlone]
public sealed class ConsoleTraceTests(WebSystem web)
{
    private static readonly string[] FlowServices = ["accounts", "billing", "gateway"];

    private TelemetryStore Store => web.System.App.Telemetry!;

    [Fact]
    public async Task The_first_flow_is_one_trace_in_the_stores_and_in_the_console_with_its_logs()
    {
        var traceId = await PaidAccountThroughTheGatewayAsync();
        var spans = await WaitForWholeTraceAsync(traceId);

        var summary = Assert.Single(Store.Traces(), t => t.TraceId == traceId);
        Assert.True(summary.SpanCount >= spans.Count);
        Assert.Superset(FlowServices.ToHashSet(), summary.Services.ToHashSet());
        Assert.Contains(spans, s => s.Service == "gateway" && s.Kind == ServerKind && s.ParentSpanId is not null);
        var messaging = spans.Where(s => s.Kind is ProducerKind or ConsumerKind).ToList();
        var described = string.Join("\n", messaging.Select(s => $"{s.Service} {s.Kind} {s.Name}: {string.Join(", ", s.Attributes.Select(a => $"{a.Key}={a.Value}"))}"));
        Assert.True(messaging.Any(s => s.Service == "accounts" && s.Kind == ProducerKind && IsMessaging(s)), described);
        Assert.True(messaging.Any(s => s.Service == "billing" && s.Kind == ConsumerKind && IsMessaging(s)), described);
        var logs = await WaitForLogsAsync(traceId);
        await WaitForSpansFromAsync(traceId, logs.Select(l => l.Service));

        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        var console = await ConsoleSignIn.SignInAsync(web, browser);
        await page.GotoAsync($"{console}/traces?resource=billing&name={Uri.EscapeDataString("POST /api/v1/accounts")}");
        var row = page.Locator($"tr[data-trace='{traceId}']");
        await Expect(row).ToHaveCountAsync(1);
        await browser.CheckPageAsync("console-traces");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        var waterfall = page.GetByRole(AriaRole.List, new() { Name = "Spans in start order, children under their parent" });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = summary.Name, Exact = true })).ToBeVisibleAsync();
        foreach (var service in FlowServices)
        {
            await Expect(waterfall.Locator($"li[data-service='{service}']").First).ToBeVisibleAsync();
        }
        await Expect(waterfall.Locator("li[data-service='accounts'][data-kind='producer'][data-system]").First).ToBeVisibleAsync();
        await Expect(waterfall.Locator("li[data-service='billing'][data-kind='consumer'][data-system]").First).ToBeVisibleAsync();
        var consume = waterfall.Locator("li[data-service='billing'][data-kind='consumer']").First;
        await consume.Locator("summary").ClickAsync();
        await Expect(consume.Locator(".tag dt").First).ToBeVisibleAsync();
        await browser.CheckPageAsync("console-trace");

        await page.GetByRole(AriaRole.Link, new() { Name = "Structured logs of this trace", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Trace id", new() { Exact = true })).ToHaveValueAsync(traceId);
        var logRows = page.Locator("table.structured-logs tbody tr");
        await Expect(logRows.First).ToBeVisibleAsync();
        await WaitForSpansFromAsync(traceId, await logRows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.service)"));
        await browser.CheckPageAsync("console-structured-logs");
    }

    private const int ServerKind = 2;
    private const int ProducerKind = 4;
    private const int ConsumerKind = 5;

    private static bool IsMessaging(StoredSpan span) => span.Attributes.Any(a => a.Key.StartsWith("messaging.", StringComparison.Ordinal));

    /// <summary>The first flow, under a trace id of our own (the gateway continues the caller's trace), until the account is active.</summary>
    private async Task<string> PaidAccountThroughTheGatewayAsync()
    {
        using var client = web.Api();
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounts")
        {
            Content = JsonContent.Create(GatewayClient.MarketingPlusMonthly(GatewayClient.NewAccountName(), profileId)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", partner.Token);
        request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01");
        var created = await GatewayClient.JsonAsync(await client.Http.SendAsync(request), HttpStatusCode.Created);
        await client.WaitForAccountAsync(partner, created["id"]!.GetValue<string>(), a => a["status"]!.GetValue<string>() == "active", TimeSpan.FromSeconds(45));
        return traceId;
    }

    /// <summary>
    /// Asserts that the services which logged under the trace have spans in it: a service exports its logs and its spans in
    /// separate batches, so its spans may land a moment after its logs.
    /// </summary>
    private async Task WaitForSpansFromAsync(string traceId, IEnumerable<string> services)
    {
        var expected = services.ToHashSet(StringComparer.Ordinal);
        var traced = await Eventually.ReadAsync(
            () => Task.FromResult(Store.Trace(traceId).Select(s => s.Service).ToHashSet(StringComparer.Ordinal)),
            seen => seen.IsSupersetOf(expected),
            Eventually.Propagation);
        Assert.Superset(expected, traced);
    }

    /// <summary>Waits for the trace's first logs: a service exports its logs in batches of their own, after or before its spans.</summary>
    private Task<List<StoredLog>> WaitForLogsAsync(string traceId) =>
        Eventually.ReadAsync(
            () => Task.FromResult(Store.Logs.Where(l => l.TraceId == traceId).ToList()),
            logs => logs.Count > 0,
            Eventually.Propagation,
            $"a log under the trace {traceId} to reach the AppHost's store",
            logs => $"{logs.Count} logs");

    /// <summary>Waits until the trace's spans from every hop were exported (each service exports in its own batches).</summary>
    private Task<IReadOnlyList<StoredSpan>> WaitForWholeTraceAsync(string traceId) =>
        Eventually.ReadAsync(
            () => Task.FromResult(Store.Trace(traceId)),
            spans => spans.Any(s => s.Service == "gateway")
                && spans.Any(s => s.Service == "accounts" && s.Kind == ProducerKind)
                && spans.Any(s => s.Service == "billing" && s.Kind == ConsumerKind),
            Eventually.Propagation,
            $"the trace {traceId} to reach the AppHost's store from every hop",
            spans => string.Join(", ", spans.Select(s => $"{s.Service}/{s.Kind}/{s.Name}")));
}
