using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.AccountUsers;

[RunsAlone]
public sealed class InvitationTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task An_invited_customer_accepts_by_the_mailed_link_and_logs_in_with_its_email()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var id = account["id"]!.GetValue<string>();
        var email = $"jane-{Guid.NewGuid():N}@client.test";

        var invited = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations",
            new { name = "Jane Client", email, domain = "client.test", organization = "Client Co" }, partner.Token), HttpStatusCode.Created);
        Assert.Equal("invited", invited["status"]!.GetValue<string>());
        Assert.Equal(invited["created_at"]!.GetValue<DateTimeOffset>().AddDays(7), invited["expires_at"]!.GetValue<DateTimeOffset>());

        var token = await IdentityScenario.WaitForMailedTokenAsync(email, "invitations");
        var accepted = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/invitations/{token}/accept", new { password = "janes own secret" }), HttpStatusCode.OK);
        Assert.Equal(email, accepted["username"]!.GetValue<string>());

        var jwt = await client.AccountTokenAsync(account["name"]!.GetValue<string>(), email, "janes own secret");
        Assert.Equal("customer", IdentityScenario.Claims(jwt)["role"]!.GetValue<string>());
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", token: jwt), HttpStatusCode.OK);

        var users = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/users", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal(new[] { "admin", email }, users["data"]!.AsArray().Select(u => u!["username"]!.GetValue<string>()));
        Assert.Equal(new[] { "admin", "customer" }, users["data"]!.AsArray().Select(u => u!["role"]!.GetValue<string>()));

        var list = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/invitations", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal("accepted", list["data"]![0]!["status"]!.GetValue<string>());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/invitations/{token}/accept", new { password = "janes own secret" }), HttpStatusCode.Gone);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations/{invited["id"]}/resend", token: partner.Token), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Re_sending_gives_a_new_link_and_kills_the_old_one()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var id = account["id"]!.GetValue<string>();
        var email = $"bob-{Guid.NewGuid():N}@client.test";
        var invited = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations",
            new { name = "Bob", email }, partner.Token), HttpStatusCode.Created);
        var first = await IdentityScenario.WaitForMailedTokenAsync(email, "invitations");

        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations/{invited["id"]}/resend", token: partner.Token), HttpStatusCode.OK);
        var second = await IdentityScenario.WaitForMailedTokenAsync(email, "invitations", atLeast: 2);

        Assert.NotEqual(first, second);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/invitations/{first}/accept", new { password = "bobs own secret" }), HttpStatusCode.Gone);
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/invitations/{second}/accept", new { password = "bobs own secret" }), HttpStatusCode.OK);
        var again = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations", new { name = "Bob", email }, partner.Token), HttpStatusCode.Conflict);
        Assert.EndsWith("/already-invited", again["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_expires_after_seven_days_and_a_resend_revives_it()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var id = account["id"]!.GetValue<string>();
        var email = $"late-{Guid.NewGuid():N}@client.test";
        var invited = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations",
            new { name = "Late", email }, partner.Token), HttpStatusCode.Created);
        var token = await IdentityScenario.WaitForMailedTokenAsync(email, "invitations");

        await SandboxClock.MoveByAsync(client, TimeSpan.FromDays(7).Add(TimeSpan.FromMinutes(1)));
        partner = partner with { Token = await client.TokenAsync(partner.Email, partner.Password) };

        var list = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/accounts/{id}/invitations", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal("expired", list["data"]![0]!["status"]!.GetValue<string>());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/invitations/{token}/accept", new { password = "too late now" }), HttpStatusCode.Gone);

        var resent = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations/{invited["id"]}/resend", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal("invited", resent["status"]!.GetValue<string>());
        var fresh = await IdentityScenario.WaitForMailedTokenAsync(email, "invitations", atLeast: 2);
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/invitations/{fresh}/accept", new { password = "just in time" }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_retried_invitation_with_the_same_idempotency_key_is_replayed_and_mailed_once()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var id = account["id"]!.GetValue<string>();
        var email = $"once-{Guid.NewGuid():N}@client.test";
        var key = Guid.NewGuid().ToString();

        var first = await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations", new { name = "Once", email }, partner.Token, idempotencyKey: key);
        var retry = await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations", new { name = "Once", email }, partner.Token, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        await IdentityScenario.WaitForMailedTokenAsync(email, "invitations");
        // A later invitation mailed through the same path: once it arrives, a second mail for the first would have too.
        var marker = $"marker-{Guid.NewGuid():N}@client.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations", new { name = "Marker", email = marker }, partner.Token), HttpStatusCode.Created);
        await IdentityScenario.WaitForMailedTokenAsync(marker, "invitations");
        Assert.Single(MailFolder.MailsTo(email));
    }

    [Fact]
    public async Task Bad_invitations_are_refused_with_every_bad_field_named()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var id = account["id"]!.GetValue<string>();

        var bad = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations",
            new { name = "", email = "not-an-email", domain = "bad domain!", organization = new string('x', 300) }, partner.Token), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "email", "domain", "organization" })
        {
            Assert.NotNull(bad["errors"]![field]);
        }
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations", "{\"name\": 5, \"email\": [] }", partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations", new { name = "A", email = "a@client.test", role = "owner" }, partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/invitations/not-a-token/accept", new { password = "long enough pw" }), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/invitations/{new string('a', 5000)}/accept", new { password = "long enough pw" }), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/invitations/whatever/accept", new { password = "" }), HttpStatusCode.BadRequest);
    }

    public void Dispose() => client.Dispose();
}
