using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.AccountUsers;

public sealed class SnapshotAndDefaultsTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    private static object Defaults(string appName, string template, bool applyToExisting) => new
    {
        branding = new { app_name = appName, logo_url = "https://cdn.agency.test/logo.png", colors = new { primary = "#112233", accent = "#AABBCC" }, footer = "Made by Agency" },
        templates = new[] { new { name = template, tags = new[] { "welcome" }, html = "<p>Hello</p>" } },
        apply_to_existing = applyToExisting,
    };

    private async Task<JsonNode> ConfigurationAsync(Partner partner, JsonNode account) =>
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{account["id"]}/configuration", token: partner.Token), HttpStatusCode.OK);

    [Fact]
    public async Task Defaults_brand_new_accounts_with_templates_and_existing_ones_only_with_the_flag_and_never_their_templates()
    {
        var partner = await client.CreatePartnerAsync();
        var before = await client.CreateTrialAsync(partner);

        var put = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Put, "/api/v1/settings/account-defaults", Defaults("First", "Welcome", false), partner.Token), HttpStatusCode.OK);
        Assert.Equal("First", put["branding"]!["app_name"]!.GetValue<string>());
        var after = await client.CreateTrialAsync(partner);

        Assert.Null((await ConfigurationAsync(partner, before))["branding"]!["app_name"]);
        var fresh = await ConfigurationAsync(partner, after);
        Assert.Equal("First", fresh["branding"]!["app_name"]!.GetValue<string>());
        Assert.Equal("#aabbcc", fresh["branding"]!["colors"]!["accent"]!.GetValue<string>());
        Assert.Equal("Welcome", fresh["templates"]![0]!["name"]!.GetValue<string>());

        var applied = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Put, "/api/v1/settings/account-defaults", Defaults("Second", "Promo", true), partner.Token), HttpStatusCode.OK);
        Assert.Equal(2, applied["applied_to_existing"]!.GetValue<int>());
        var old = await ConfigurationAsync(partner, before);
        Assert.Equal("Second", old["branding"]!["app_name"]!.GetValue<string>());
        Assert.Empty(old["templates"]!.AsArray());
        var newer = await ConfigurationAsync(partner, after);
        Assert.Equal("Second", newer["branding"]!["app_name"]!.GetValue<string>());
        Assert.Equal("Welcome", Assert.Single(newer["templates"]!.AsArray())!["name"]!.GetValue<string>());

        var got = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/settings/account-defaults", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal("Promo", got["templates"]![0]!["name"]!.GetValue<string>());
        var audit = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{before["id"]}/audit", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal("branding.applied", audit["data"]![0]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_defaults_are_refused_with_every_bad_field_named()
    {
        var partner = await client.CreatePartnerAsync();
        var bad = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Put, "/api/v1/settings/account-defaults", new
        {
            branding = new { app_name = new string('a', 101), logo_url = "http://insecure.test/logo.png", colors = new { primary = "red" }, footer = "ok" },
            templates = new[] { new { name = "", tags = new[] { "" }, html = "" } },
            apply_to_existing = false,
        }, partner.Token), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "branding.app_name", "branding.logo_url", "branding.colors", "templates[0].name", "templates[0].html", "templates[0].tags" })
        {
            Assert.True(bad["errors"]![field] is not null, $"{field} missing in {bad}");
        }
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Put, "/api/v1/settings/account-defaults", "{\"apply_to_existing\": \"yes\"}", partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Put, "/api/v1/settings/account-defaults", "{not json", partner.Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_snapshot_keeps_the_configuration_and_a_new_account_is_created_from_it()
    {
        var partner = await client.CreatePartnerAsync();
        await client.SendAsync(HttpMethod.Put, "/api/v1/settings/account-defaults", Defaults("Snap Brand", "Snap Template", false), partner.Token);
        var source = await client.CreateTrialAsync(partner);
        var adminToken = await client.AdminTokenAsync(source);
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{source["id"]}", new { language = "it", time_zone = "Europe/Rome" }, adminToken), HttpStatusCode.OK);

        var snapshot = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{source["id"]}/snapshots", new { label = "golden" }, partner.Token), HttpStatusCode.Created);
        Assert.StartsWith("snap_", snapshot["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("it", snapshot["settings"]!["language"]!.GetValue<string>());
        Assert.Equal("plus", snapshot["plan"]!["tier"]!.GetValue<string>());
        Assert.Equal("Snap Brand", snapshot["branding"]!["app_name"]!.GetValue<string>());
        var list = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{source["id"]}/snapshots", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal(snapshot["id"]!.GetValue<string>(), Assert.Single(list["data"]!.AsArray())!["id"]!.GetValue<string>());

        await client.SendAsync(HttpMethod.Put, "/api/v1/settings/account-defaults", new { branding = new { app_name = "Other" }, templates = Array.Empty<object>(), apply_to_existing = false }, partner.Token);
        var created = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", new
        {
            name = GatewayClient.NewAccountName(),
            customer = new { name = "Copy Co", email = "copy@client.test" },
            notification_email = "billing@agency.test",
            from_snapshot_id = snapshot["id"]!.GetValue<string>(),
        }, partner.Token), HttpStatusCode.Created);

        Assert.Equal("it", created["language"]!.GetValue<string>());
        Assert.Equal("Europe/Rome", created["time_zone"]!.GetValue<string>());
        Assert.Equal("trial", created["plan"]!["cadence"]!.GetValue<string>());
        var configuration = await ConfigurationAsync(partner, created);
        Assert.Equal("Snap Brand", configuration["branding"]!["app_name"]!.GetValue<string>());
        Assert.Equal("Snap Template", configuration["templates"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_partners_snapshot_cannot_seed_an_account()
    {
        var owner = await client.CreatePartnerAsync();
        var stranger = await client.CreatePartnerAsync();
        var source = await client.CreateTrialAsync(owner);
        var snapshot = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{source["id"]}/snapshots", token: owner.Token), HttpStatusCode.Created);

        foreach (var snapshotId in new[] { snapshot["id"]!.GetValue<string>(), "snap_nonsense" })
        {
            var refused = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", new
            {
                name = GatewayClient.NewAccountName(),
                customer = new { name = "Copy Co", email = "copy@client.test" },
                notification_email = "billing@agency.test",
                from_snapshot_id = snapshotId,
            }, stranger.Token), HttpStatusCode.BadRequest);
            Assert.NotNull(refused["errors"]!["from_snapshot_id"]);
        }
    }

    public void Dispose() => client.Dispose();
}
