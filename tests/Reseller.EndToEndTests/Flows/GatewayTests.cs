using System.Net;
using System.Text.Json;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows;

public sealed class GatewayTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Theory]
    [InlineData("GET", "/api/v1/accounts/acc_0192f0c8a0a07a4b9c1d2e3f40516273")]
    [InlineData("POST", "/api/v1/accounts")]
    [InlineData("GET", "/api/v1/invoices")]
    [InlineData("POST", "/api/v1/billing-profiles")]
    [InlineData("GET", "/api/v1/credits")]
    [InlineData("GET", "/api/v1/partners/me")]
    public async Task Requests_without_a_credential_are_refused_at_the_gateway(string method, string path)
    {
        await ProblemAssert.IsAsync(await client.SendAsync(new HttpMethod(method), path, method == "POST" ? new { } : null), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_token_and_a_wrong_admin_key_are_refused()
    {
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/invoices", token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"), HttpStatusCode.Unauthorized);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/partners") { Content = System.Net.Http.Json.JsonContent.Create(new { }) };
        request.Headers.Add("X-Admin-Key", "not-the-key");
        await ProblemAssert.IsAsync(await client.Http.SendAsync(request), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task By_default_the_gateway_allows_no_cross_origin_call()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/accounts")
        {
            Headers = { { "Origin", "https://elsewhere.test" }, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "authorization" } },
        };
        using var call = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog") { Headers = { { "Origin", "https://elsewhere.test" } } };

        Assert.False((await client.Http.SendAsync(preflight)).Headers.Contains("Access-Control-Allow-Origin"));
        var answer = await client.Http.SendAsync(call);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Only_the_operator_creates_partners()
    {
        var partner = await client.CreatePartnerAsync();

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/partners",
            new { name = "Sneaky", email = "sneaky@agency.test", password = "long enough password", country = "FR", currency = "USD" }, partner.Token), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"name\": 42}")]
    [InlineData("{\"name\": \"x\", \"surprise\": true}")]
    public async Task Malformed_bodies_get_400_problem_details_never_500(string body)
    {
        var partner = await client.CreatePartnerAsync();

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", body, partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles", body, partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/partners", body, asOperator: true), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_invalid_account_lists_every_bad_field_at_once()
    {
        var partner = await client.CreatePartnerAsync();

        var problem = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", new
        {
            name = "No",
            customer = new { name = "", email = "not-an-email" },
            notification_email = "also bad",
            language = "klingon",
            time_zone = "Mars/Olympus",
            plan = new { product = "marketing", tier = "plus", contacts = 200000, cadence = "monthly" },
        }, partner.Token), HttpStatusCode.BadRequest);

        var fields = problem["errors"]!.AsObject().Select(e => e.Key).Order().ToList();
        Assert.Equal(["billing_profile_id", "customer.email", "customer.name", "language", "name", "notification_email", "plan.contacts", "time_zone"], fields);
    }

    [Fact]
    public async Task Bodies_over_one_megabyte_get_413_problem_details_except_account_defaults_which_carry_templates()
    {
        var partner = await client.CreatePartnerAsync();
        var huge = JsonSerializer.Serialize(GatewayClient.MarketingPlusMonthly(new string('a', 1_100_000), null));

        var refused = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", huge, partner.Token), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(413, refused["status"]!.GetValue<int>());
        var templates = Enumerable.Range(0, 8).Select(i => new { name = $"Big {i}", tags = new[] { "big" }, html = "<p>" + new string('x', 190_000) + "</p>" }).ToArray();
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Put, "/api/v1/settings/account-defaults",
            new { branding = new { app_name = "Big" }, templates, apply_to_existing = false }, partner.Token), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Correlation_ids_are_echoed_or_created()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog");
        request.Headers.Add("X-Correlation-Id", "test-correlation-123");
        var echoed = await client.Http.SendAsync(request);
        var created = await client.SendAsync(HttpMethod.Get, "/api/v1/catalog");

        Assert.Equal("test-correlation-123", echoed.Headers.GetValues("X-Correlation-Id").Single());
        Assert.False(string.IsNullOrEmpty(created.Headers.GetValues("X-Correlation-Id").Single()));
    }

    [Fact]
    public async Task The_catalog_is_served_from_the_data_file()
    {
        var catalog = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/catalog"), HttpStatusCode.OK);

        var marketing = catalog["products"]!.AsArray().Single(p => p!["code"]!.GetValue<string>() == "marketing")!;
        Assert.Equal(4900, marketing["tiers"]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == "plus")!["price"]!.GetValue<long>());
    }

    [Fact]
    public async Task Docs_show_the_merged_api_of_every_service()
    {
        var document = await client.Http.GetStringAsync(new Uri("/docs/openapi.json", UriKind.Relative));
        var page = await client.Http.GetAsync(new Uri("/docs", UriKind.Relative));

        foreach (var path in new[] { "/api/v1/partners", "/api/v1/auth/token", "/api/v1/accounts", "/api/v1/invoices", "/api/v1/billing-profiles", "/api/v1/credits" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_and_metrics_are_served()
    {
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(new Uri("/alive", UriKind.Relative))).StatusCode);
        var metrics = await client.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("http_server_request_duration", metrics, StringComparison.Ordinal);
    }

    public void Dispose() => client.Dispose();
}
