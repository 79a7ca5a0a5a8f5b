using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.AccountUsers;

[RunsAlone]
public sealed class PasswordResetTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task The_admin_resets_its_password_by_a_mailed_single_use_link()
    {
        var partner = await client.CreatePartnerAsync();
        var email = $"owner-{Guid.NewGuid():N}@client.test";
        var account = await client.CreateTrialAsync(partner, email);
        var name = account["name"]!.GetValue<string>();

        var asked = await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset", new { account = name, email });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var token = await IdentityScenario.WaitForMailedTokenAsync(email, "password-reset");

        var confirmed = await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset/confirm", new { token, new_password = "my fresh password" });
        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        Assert.False(string.IsNullOrEmpty(await client.AccountTokenAsync(name, "admin", "my fresh password")));
        await ProblemAssert.IsAsync(await client.AccountLoginAsync(name, "admin", account["login"]!["password"]!.GetValue<string>()), HttpStatusCode.Unauthorized);

        var reused = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset/confirm",
            new { token, new_password = "another fresh one" }), HttpStatusCode.Gone);
        Assert.EndsWith("/link-expired", reused["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invited_customer_resets_its_own_password_and_the_admin_keeps_its_own()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var name = account["name"]!.GetValue<string>();
        var email = $"cust-{Guid.NewGuid():N}@client.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{account["id"]}/invitations", new { name = "Cust", email }, partner.Token), HttpStatusCode.Created);
        var invitation = await IdentityScenario.WaitForMailedTokenAsync(email, "invitations");
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/invitations/{invitation}/accept", new { password = "first customer pw" }), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset", new { account = name, email = email.ToUpperInvariant() })).StatusCode);
        var token = await IdentityScenario.WaitForMailedTokenAsync(email, "password-reset");
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset/confirm", new { token, new_password = "second customer pw" })).StatusCode);

        Assert.Equal("customer", IdentityScenario.Claims(await client.AccountTokenAsync(name, email, "second customer pw"))["role"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(await client.AdminTokenAsync(account)));
    }

    [Fact]
    public async Task A_reset_link_dies_after_one_hour()
    {
        var partner = await client.CreatePartnerAsync();
        var email = $"slow-{Guid.NewGuid():N}@client.test";
        var account = await client.CreateTrialAsync(partner, email);
        await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset", new { account = account["name"]!.GetValue<string>(), email });
        var token = await IdentityScenario.WaitForMailedTokenAsync(email, "password-reset");

        await SandboxClock.MoveByAsync(client, TimeSpan.FromHours(1).Add(TimeSpan.FromSeconds(30)));

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset/confirm",
            new { token, new_password = "my fresh password" }), HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Unknown_accounts_and_addresses_get_202_and_no_mail()
    {
        var partner = await client.CreatePartnerAsync();
        var owner = $"owner-{Guid.NewGuid():N}@client.test";
        var account = await client.CreateTrialAsync(partner, owner);
        var name = account["name"]!.GetValue<string>();
        var stranger = $"stranger-{Guid.NewGuid():N}@client.test";

        var unknownEmail = await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset", new { account = name, email = stranger });
        var unknownAccount = await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset", new { account = "no-such-account-y", email = stranger });

        Assert.Equal(HttpStatusCode.Accepted, unknownEmail.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknownAccount.StatusCode);
        // A later reset for the account's real address, mailed through the same path: once it arrives, a mail to the
        // stranger asked before it would have arrived too.
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset", new { account = name, email = owner })).StatusCode);
        await IdentityScenario.WaitForMailedTokenAsync(owner, "password-reset");
        Assert.Empty(MailFolder.MailsTo(stranger));
        var bad = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset", new { account = "", email = "nope" }), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["account"]);
        Assert.NotNull(bad["errors"]!["email"]);
        var weak = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset/confirm", new { token = "x", new_password = "short" }), HttpStatusCode.BadRequest);
        Assert.NotNull(weak["errors"]!["new_password"]);
    }

    public void Dispose() => client.Dispose();
}
