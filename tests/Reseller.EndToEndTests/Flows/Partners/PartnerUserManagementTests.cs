using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Partners;

public sealed class PartnerUserManagementTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    private async Task<string> UserIdAsync(Partner partner, string email) =>
        (await client.GetAsync("/api/v1/partners/me/users?page_size=100", partner.Token))["data"]!.AsArray()
            .Single(u => u!["email"]!.GetValue<string>() == email)!["id"]!.GetValue<string>();

    [Fact]
    public async Task An_owner_removes_a_user_who_then_cannot_log_in_but_never_the_last_owner()
    {
        var partner = await client.CreatePartnerAsync();
        var other = await client.CreatePartnerAsync();
        var (memberEmail, member) = await client.AddUserAsync(partner, "member");
        var memberId = await UserIdAsync(partner, memberEmail);
        var ownerId = await UserIdAsync(partner, partner.Email);

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/partners/me/users/{ownerId}", token: member), HttpStatusCode.Forbidden);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/partners/me/users/{memberId}", token: other.Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Delete, "/api/v1/partners/me/users/not-an-id", token: partner.Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/partners/me/users/{ownerId}", token: partner.Token), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, $"/api/v1/partners/me/users/{memberId}", token: partner.Token)).StatusCode);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/auth/token", new { email = memberEmail, password = PartnerScenarios.NewPassword }), HttpStatusCode.Unauthorized);
        Assert.DoesNotContain((await client.GetAsync("/api/v1/partners/me/users", partner.Token))["data"]!.AsArray(), u => u!["email"]!.GetValue<string>() == memberEmail);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/partners/me/users/{memberId}", token: partner.Token), HttpStatusCode.NotFound);

        // With a second owner, the first can go; the remaining one is then the last.
        var (secondOwnerEmail, secondOwner) = await client.AddUserAsync(partner, "owner");
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, $"/api/v1/partners/me/users/{ownerId}", token: secondOwner)).StatusCode);
        // The removed owner's session ended with it (as soon as SessionsEnded has reached the gateway and Partners).
        var removedOwner = await Eventually.ReadAsync(
            async () => (await client.SendAsync(HttpMethod.Get, "/api/v1/partners/me/users", token: partner.Token)).StatusCode,
            status => status == HttpStatusCode.Unauthorized, Eventually.Propagation, "the removed owner's token to be refused");
        Assert.Equal(HttpStatusCode.Unauthorized, removedOwner);
        var secondOwnerId = await UserIdAsync(partner with { Token = secondOwner }, secondOwnerEmail);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Delete, $"/api/v1/partners/me/users/{secondOwnerId}", token: secondOwner), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Inviting_another_agencys_login_answers_as_any_invitation_so_it_reveals_nothing()
    {
        var partner = await client.CreatePartnerAsync();
        var other = await client.CreatePartnerAsync();

        var answered = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/partners/me/users",
            new { email = other.Email, role = "member" }, partner.Token), HttpStatusCode.Created);
        var fresh = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/partners/me/users",
            new { email = $"fresh-{Guid.NewGuid():N}@agency.test", role = "member" }, partner.Token), HttpStatusCode.Created);

        Assert.Equal(fresh.AsObject().Select(p => p.Key).Order(), answered.AsObject().Select(p => p.Key).Order());
        Assert.Equal("invited", answered["status"]!.GetValue<string>());
        Assert.Equal(other.Email, answered["email"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(await client.TokenAsync(other.Email, other.Password)));
        var own = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/partners/me/users",
            new { email = partner.Email, role = "member" }, partner.Token), HttpStatusCode.Conflict);
        Assert.EndsWith("/email-taken", own["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resent_invitation_has_a_new_link_and_the_old_one_is_dead()
    {
        var partner = await client.CreatePartnerAsync();
        var email = $"resent-{Guid.NewGuid():N}@agency.test";
        var invited = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/partners/me/users", new { email, role = "billing" }, partner.Token), HttpStatusCode.Created);
        var id = invited["id"]!.GetValue<string>();
        var oldToken = MailFolder.TokenFrom(await MailFolder.WaitForMailAsync(email, "invited", Eventually.Propagation));

        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/partners/me/users/{id}/resend", token: partner.Token), HttpStatusCode.OK);
        var newToken = (await MailFolder.WaitForMailsAsync(email, "invited", 2, Eventually.Propagation)).Select(MailFolder.TokenFrom).Single(t => t != oldToken);

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/partner-invitations/{oldToken}/accept", new { password = PartnerScenarios.NewPassword }), HttpStatusCode.Gone);
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/partner-invitations/{newToken}/accept", new { password = PartnerScenarios.NewPassword }), HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(await client.TokenAsync(email, PartnerScenarios.NewPassword)));
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/partners/me/users/{id}/resend", token: partner.Token), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Month_commissions_are_paged_like_every_other_list_with_the_whole_month_total_on_each_page()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        await CreateCustomerPaidAccountAsync(partner, card);
        await CreateCustomerPaidAccountAsync(partner, card);
        var month = PartnerScenarios.Month(await SandboxClock.NowAsync(client));
        await client.WaitForAsync($"/api/v1/commissions?month={month}", () => partner.Token, e => e["data"]!.AsArray().Count >= 2, TimeSpan.FromSeconds(45));

        var first = await client.GetAsync($"/api/v1/commissions?month={month}&page_size=1", partner.Token);
        var line = Assert.Single(first["data"]!.AsArray())!;
        var token = first["next_page_token"]!.GetValue<string>();
        var second = await client.GetAsync($"/api/v1/commissions?month={month}&page_size=1&page_token={token}", partner.Token);
        var next = Assert.Single(second["data"]!.AsArray())!;
        Assert.NotEqual(line["id"]!.GetValue<string>(), next["id"]!.GetValue<string>());
        Assert.Null(second["next_page_token"]);
        var sum = line["amount"]!["amount"]!.GetValue<long>() + next["amount"]!["amount"]!.GetValue<long>();
        Assert.Equal(sum, first["total"]!["amount"]!.GetValue<long>());
        Assert.Equal(sum, second["total"]!["amount"]!.GetValue<long>());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/commissions?page_token=garbage", token: partner.Token), HttpStatusCode.BadRequest);
    }

    private async Task CreateCustomerPaidAccountAsync(Partner partner, string billingProfileId) =>
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", new
        {
            name = GatewayClient.NewAccountName(),
            customer = new { name = "Client Co", email = "it@client.test" },
            notification_email = "billing@agency.test",
            language = "en",
            time_zone = "Europe/Paris",
            plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "monthly" },
            billing_profile_id = billingProfileId,
            payer = "customer",
        }, partner.Token), HttpStatusCode.Created);

    public void Dispose() => client.Dispose();
}
