using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Accounts;

/// <summary>Tenant isolation and bad input on every Accounts lifecycle endpoint.</summary>
public sealed class AccountBoundaryTests(ResellerSystem system) : IDisposable
{
    private static readonly string Huge = new('x', 100_000);
    private readonly GatewayClient client = system.Client();
    private AccountKit Kit => new(system, client);

    private static IEnumerable<(HttpMethod Method, string Path, object Body)> Endpoints(string id) =>
    [
        (HttpMethod.Get, $"/api/v1/accounts/{id}", ""),
        (HttpMethod.Patch, $"/api/v1/accounts/{id}", new { language = "de" }),
        (HttpMethod.Post, $"/api/v1/accounts/{id}/seats", new { delta = 1 }),
        (HttpMethod.Post, $"/api/v1/accounts/{id}/cancel", new { }),
        (HttpMethod.Post, $"/api/v1/accounts/{id}/renew", new { }),
        (HttpMethod.Put, $"/api/v1/accounts/{id}/payer", new { payer = "customer" }),
    ];

    [Fact]
    public async Task Every_endpoint_answers_404_for_another_partners_account_and_changes_nothing()
    {
        var owner = await client.CreatePartnerAsync();
        var account = await Kit.CreateTrialAsync(owner);
        var id = account["id"]!.GetValue<string>();
        var intruder = await client.CreatePartnerAsync();

        foreach (var (method, path, body) in Endpoints(id))
        {
            await ProblemAssert.IsAsync(await client.SendAsync(method, path, body is "" ? null : body, intruder.Token), HttpStatusCode.NotFound);
        }
        foreach (var (method, path, body) in Endpoints("acc_" + Guid.NewGuid().ToString("N")).Concat(Endpoints("not-an-id")))
        {
            await ProblemAssert.IsAsync(await client.SendAsync(method, path, body is "" ? null : body, owner.Token), HttpStatusCode.NotFound);
        }
        var unchanged = await Kit.SendOkAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", null, owner);
        Assert.Equal("trial", unchanged["status"]!.GetValue<string>());
        Assert.Equal("en", unchanged["language"]!.GetValue<string>());
        Assert.DoesNotContain((await Kit.SendOkAsync(HttpMethod.Get, "/api/v1/accounts?status=all", null, intruder))["data"]!.AsArray(), a => a!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task Malformed_json_wrong_types_huge_strings_unknown_fields_and_boundary_numbers_get_4xx_problems()
    {
        var partner = await client.CreatePartnerAsync();
        var id = (await Kit.CreateTrialAsync(partner))["id"]!.GetValue<string>();
        var bodies = new Dictionary<string, string[]>
        {
            ["/api/v1/accounts"] = ["{", "[]", "{\"name\": 5}", "{\"name\": \"" + Huge + "\"}", "{\"surprise\": true}", "{\"plan\": {\"contacts\": 99999999999}}"],
            [$"/api/v1/accounts/{id}/seats"] = ["{", "{\"delta\": \"two\"}", "{\"delta\": 2147483648}", "{\"delta\": 1.5}", "{\"delta\": 100001}", "{\"delta\": -2147483648}",
                "{\"add_on\": \"" + Huge + "\", \"delta\": 1}", "{\"delta\": 1, \"extra\": 1}", "{}"],
            [$"/api/v1/accounts/{id}/renew"] = ["{", "{\"billing_profile_id\": 7}", "{\"billing_profile_id\": \"" + Huge + "\"}", "{\"x\": 1}"],
        };
        var patches = new[] { "{", "{\"language\": 5}", "{\"notification_email\": \"" + Huge + "\"}", "{\"time_zone\": \"Mars/Olympus\"}", "{\"unknown\": 1}",
            "{\"plan\": {\"product\": \"marketing\", \"tier\": \"plus\", \"contacts\": -1, \"cadence\": \"monthly\"}}", "{\"plan\": \"big\"}" };
        var payers = new[] { "{", "{\"payer\": 1}", "{\"payer\": \"" + Huge + "\"}", "{}", "{\"payer\": \"customer\", \"who\": 1}" };

        var sent = bodies.SelectMany(kv => kv.Value.Select(b => (HttpMethod.Post, kv.Key, b)))
            .Concat(patches.Select(b => (HttpMethod.Patch, $"/api/v1/accounts/{id}", b)))
            .Concat(payers.Select(b => (HttpMethod.Put, $"/api/v1/accounts/{id}/payer", b)));
        foreach (var (method, path, body) in sent)
        {
            var response = await client.SendAsync(method, path, body, partner.Token);
            var status = (int)response.StatusCode;
            Assert.True(status is >= 400 and < 500, $"{method} {path} {body[..Math.Min(body.Length, 80)]} answered {status}");
            await ProblemAssert.IsAsync(response, response.StatusCode);
        }
        var unchanged = await Kit.SendOkAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", null, partner);
        Assert.Equal("trial", unchanged["status"]!.GetValue<string>());
        Assert.Equal(3, unchanged["plan"]!["seats"]!.GetValue<int>());
    }

    public void Dispose() => client.Dispose();
}
