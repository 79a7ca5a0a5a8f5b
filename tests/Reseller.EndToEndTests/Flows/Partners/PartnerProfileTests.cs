using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Partners;

public sealed class PartnerProfileTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_partner_reads_and_edits_its_profile_with_its_discount_standing()
    {
        var partner = await client.CreatePartnerAsync();

        var profile = await client.GetAsync("/api/v1/partners/me", partner.Token);
        Assert.Equal(partner.Id, profile["id"]!.GetValue<string>());
        Assert.Equal(0, profile["paid_accounts"]!.GetValue<int>());
        Assert.Equal(0, profile["discount_percent"]!.GetValue<int>());
        Assert.Equal(1, profile["next_discount_at"]!.GetValue<int>());
        Assert.Null(profile["paypal_email"]);

        var edited = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Patch, "/api/v1/partners/me",
            new { name = "Renamed Agency", country = "DE", paypal_email = "Payouts@Agency.test" }, partner.Token), HttpStatusCode.OK);
        Assert.Equal("Renamed Agency", edited["name"]!.GetValue<string>());
        Assert.Equal("DE", edited["country"]!.GetValue<string>());
        Assert.Equal("payouts@agency.test", edited["paypal_email"]!.GetValue<string>());
        Assert.Equal("USD", edited["currency"]!.GetValue<string>());
        Assert.Equal("payouts@agency.test", (await client.GetAsync("/api/v1/partners/me", partner.Token))["paypal_email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creating_a_partner_answers_the_partner_with_its_first_user()
    {
        var email = $"owner-{Guid.NewGuid():N}@agency.test";
        var created = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/partners",
            new { name = "Agence Nouvelle", email, password = "correct horse battery", country = "FR", currency = "USD" }, asOperator: true), HttpStatusCode.Created);

        // API.md: "201 partner, with its first user"; the nested partner stays for clients of its first shape.
        var id = created["id"]!.GetValue<string>();
        Assert.StartsWith("prt_", id, StringComparison.Ordinal);
        Assert.Equal(("Agence Nouvelle", email, "FR", "USD"), (created["name"]!.GetValue<string>(), created["email"]!.GetValue<string>(),
            created["country"]!.GetValue<string>(), created["currency"]!.GetValue<string>()));
        Assert.Equal(id, created["partner"]!["id"]!.GetValue<string>());
        Assert.Equal(email, created["user"]!["email"]!.GetValue<string>());
        var token = await client.TokenAsync(email, "correct horse battery");
        Assert.Equal(id, (await client.GetAsync("/api/v1/partners/me", token))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_profile_changes_are_refused_as_problems()
    {
        var partner = await client.CreatePartnerAsync();

        var invalid = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Patch, "/api/v1/partners/me",
            new { paypal_email = "not-an-address", country = "fr", currency = "EUR", name = "" }, partner.Token), HttpStatusCode.BadRequest);
        var errors = invalid["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("paypal_email"));
        Assert.True(errors.ContainsKey("country"));
        Assert.True(errors.ContainsKey("currency"));
        Assert.True(errors.ContainsKey("name"));
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Patch, "/api/v1/partners/me", "{\"unknown_field\": 1}", partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Patch, "/api/v1/partners/me", "{not json", partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/partners/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_referral_link_is_the_partners_own_and_stable()
    {
        var partner = await client.CreatePartnerAsync();
        var other = await client.CreatePartnerAsync();

        var link = await client.GetAsync("/api/v1/partners/me/referral-link", partner.Token);
        var again = await client.GetAsync("/api/v1/partners/me/referral-link", partner.Token);
        var others = await client.GetAsync("/api/v1/partners/me/referral-link", other.Token);

        Assert.Equal(link["code"]!.GetValue<string>(), again["code"]!.GetValue<string>());
        Assert.NotEqual(link["code"]!.GetValue<string>(), others["code"]!.GetValue<string>());
        Assert.EndsWith("/r/" + link["code"]!.GetValue<string>(), link["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public void Dispose() => client.Dispose();
}
