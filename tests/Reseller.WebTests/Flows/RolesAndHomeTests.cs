using System.Net;

using Microsoft.Playwright;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.Flows;

public sealed class RolesAndHomeTests(WebSystem web)
{
    private const string FailingCharges = "4000000000000341";

    [Fact]
    public async Task The_home_page_shows_the_money_and_the_accounts_needing_attention_and_an_owner_makes_a_member_billing_user()
    {
        using var api = web.Api();
        var partner = await api.CreatePartnerAsync();
        var memberEmail = $"member-{Guid.NewGuid():N}@agency.test";
        const string memberPassword = "a member's own passphrase";
        await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Post, "/api/v1/partners/me/users", new { email = memberEmail, role = "member" }, partner.Token), HttpStatusCode.Created);

        // Accounts needing attention: a failed first payment, a trial (it ends), a move-in waiting for its owner.
        var failingCard = await api.CreateBillingProfileAsync(partner, FailingCharges);
        var failed = await api.CreateSettledAccountAsync(partner, failingCard);
        Assert.Equal("payment_failed", failed["status"]!.GetValue<string>());
        var trial = await api.CreateTrialAsync(partner);
        var other = await api.CreatePartnerAsync();
        var movingIn = await api.CreateTrialAsync(other);
        var movingInId = movingIn["id"]!.GetValue<string>();
        var owner = $"owner-{Guid.NewGuid():N}@client.test";
        await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{movingInId}/transfer-out", new { owner_email = owner }, asOperator: true), HttpStatusCode.OK);
        await GatewayClient.JsonAsync(await api.TransferInAsync(movingInId, partner.Id), HttpStatusCode.Accepted);

        await using var ownerBrowser = await web.OpenAsync();
        var page = ownerBrowser.Page;
        await Forms.SignInPartnerAsync(page, partner.Email, partner.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
        await Forms.WaitForInteractivityAsync(page);
        await Expect(page.GetByTestId("home-prepaid")).ToHaveTextAsync("$0.00");
        await Expect(page.GetByTestId("home-units")).ToHaveTextAsync("0 SMS · 0 compatibility");
        await Expect(page.GetByTestId("home-commissions")).ToHaveTextAsync("$0.00");
        var attention = page.GetByRole(AriaRole.Region, new() { Name = "Accounts needing attention", Exact = true });
        await Expect(attention.GetByRole(AriaRole.List, new() { Name = "Payment failed", Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = failed["name"]!.GetValue<string>(), Exact = true })).ToBeVisibleAsync();
        await Expect(attention.GetByRole(AriaRole.List, new() { Name = "Expiring", Exact = true }).GetByRole(AriaRole.Listitem)
            .Filter(new() { HasText = trial["name"]!.GetValue<string>() })).ToContainTextAsync("trial ends on");
        await Expect(attention.GetByRole(AriaRole.List, new() { Name = "Move-ins waiting for their owner", Exact = true }).GetByRole(AriaRole.Listitem)
            .Filter(new() { HasText = movingIn["name"]!.GetValue<string>() })).ToContainTextAsync($"waiting for {owner} to confirm");
        await ownerBrowser.CheckPageAsync("home-attention");

        // The member accepts its invitation; the owner makes it a billing user, which it is from its next sign-in.
        var invitation = (await MailFolder.WaitForMailsAsync(memberEmail, "You are invited", 1, TimeSpan.FromSeconds(60))).Single();
        await GatewayClient.JsonAsync(await api.SendAsync(HttpMethod.Post, $"/api/v1/auth/partner-invitations/{MailFolder.TokenFrom(invitation)}/accept",
            new { password = memberPassword }), HttpStatusCode.OK);
        await page.GotoAsync("/team");
        await Forms.WaitForInteractivityAsync(page);
        var member = page.GetByRole(AriaRole.Row).Filter(new() { HasText = memberEmail });
        await Expect(member).ToContainTextAsync("Active");
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = $"Role of {partner.Email}", Exact = true })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Combobox, new() { Name = $"Role of {memberEmail}", Exact = true }).SelectOptionAsync("billing");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Change the role of {memberEmail}", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{memberEmail} is now Billing" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = $"Role of {memberEmail}", Exact = true })).ToHaveValueAsync("billing");
        await ownerBrowser.CheckPageAsync("team-role-changed");

        await using var memberBrowser = await web.OpenAsync();
        await Forms.SignInPartnerAsync(memberBrowser.Page, memberEmail, memberPassword);
        await Forms.WaitForInteractivityAsync(memberBrowser.Page);
        var menu = memberBrowser.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Billing", Exact = true })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "API keys", Exact = true })).ToHaveCountAsync(0);
        await Expect(memberBrowser.Page.GetByTestId("home-commissions")).ToBeVisibleAsync();
        ownerBrowser.AssertNoProblems();
        memberBrowser.AssertNoProblems();
    }
}
