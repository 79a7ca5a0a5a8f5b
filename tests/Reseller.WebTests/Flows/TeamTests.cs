using System.Net;

using Microsoft.Playwright;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.WebTests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Reseller.WebTests.Flows;

public sealed class TeamTests(WebSystem web)
{
    private static readonly string[] MoneyLinks = ["Billing", "Credits", "Commissions", "API keys"];

    [Fact]
    public async Task An_owner_invites_a_member_who_accepts_the_mailed_link_signs_in_and_sees_no_money_actions()
    {
        using var api = web.Api();
        var owner = await api.CreatePartnerAsync();
        var memberEmail = $"member-{Guid.NewGuid():N}@agency.test";
        var withdrawnEmail = $"changed-mind-{Guid.NewGuid():N}@agency.test";

        await using var ownerBrowser = await web.OpenAsync();
        var page = ownerBrowser.Page;
        await Forms.SignInPartnerAsync(page, owner.Email, owner.Password);
        await page.GotoAsync("/team");
        await Forms.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Team", Exact = true })).ToBeVisibleAsync();
        await ownerBrowser.CheckPageAsync("team");

        await InviteAsync(page, memberEmail, "member");
        await InviteAsync(page, withdrawnEmail, "billing");
        var users = page.GetByRole(AriaRole.Region, new() { Name = "Users and invitations", Exact = true });
        await Expect(users.GetByRole(AriaRole.Row).Filter(new() { HasText = memberEmail })).ToContainTextAsync("Invited");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Re-send the invitation to {withdrawnEmail}", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"A new invitation link is on its way to {withdrawnEmail}" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Withdraw the invitation of {withdrawnEmail}", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"The invitation of {withdrawnEmail} is withdrawn." })).ToBeVisibleAsync();
        await Expect(users.GetByRole(AriaRole.Row).Filter(new() { HasText = withdrawnEmail })).ToHaveCountAsync(0);
        await ownerBrowser.CheckPageAsync("team-invited");
        await PhoneLayout.AtPhoneWidthAsync(page, async () =>
        {
            await PhoneLayout.AssertWhollyInsideAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Re-send the invitation to {memberEmail}", Exact = true }), users);
            await PhoneLayout.AssertWhollyInsideAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Withdraw the invitation of {memberEmail}", Exact = true }), users);
        });

        // The member accepts the mailed link and chooses a password.
        var mail = (await MailFolder.WaitForMailsAsync(memberEmail, "You are invited", 1, TimeSpan.FromSeconds(60))).Single();
        await using var memberBrowser = await web.OpenAsync();
        var member = memberBrowser.Page;
        await member.GotoAsync($"/partner/invitations/accept?token={MailFolder.TokenFrom(mail)}");
        const string password = "a member's own passphrase";
        await member.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
        await Forms.SubmitStaticAsync(member, "Choose this password", "/partner/invitations/accept");
        await Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Welcome to the team!");

        await Forms.SignInPartnerAsync(member, memberEmail, password);
        await Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
        await Forms.WaitForInteractivityAsync(member);
        var menu = member.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Team", Exact = true })).ToBeVisibleAsync();
        foreach (var money in MoneyLinks)
        {
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = money, Exact = true })).ToHaveCountAsync(0);
        }
        await memberBrowser.CheckPageAsync("member-home");

        // A money page opened by its address says the role does not open it.
        foreach (var path in new[] { "/credits", "/billing", "/commissions" })
        {
            await member.GotoAsync(path);
            await Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Not open to your role", Exact = true })).ToBeVisibleAsync();
            await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Buy the pack", Exact = true })).ToHaveCountAsync(0);
        }
        await memberBrowser.CheckPageAsync("member-money-refused");

        await member.GotoAsync("/team");
        await Forms.WaitForInteractivityAsync(member);
        await Expect(member.GetByRole(AriaRole.Row).Filter(new() { HasText = memberEmail })).ToContainTextAsync("Member");
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Send the invitation", Exact = true })).ToHaveCountAsync(0);
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true })).ToHaveCountAsync(0);
        await memberBrowser.CheckPageAsync("member-team");

        await member.GotoAsync("/profile");
        await Forms.WaitForInteractivityAsync(member);
        await Expect(member.GetByText("Only an owner or a billing user can change the agency's details.")).ToBeVisibleAsync();
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Save the profile", Exact = true })).ToHaveCountAsync(0);
        await memberBrowser.CheckPageAsync("member-profile");

        // The API refuses the member's money actions whatever the pages show.
        var token = await api.TokenAsync(memberEmail, password);
        using (var balances = await api.SendAsync(HttpMethod.Get, "/api/v1/credits", token: token))
        {
            Assert.Equal(HttpStatusCode.Forbidden, balances.StatusCode);
        }
        using (var purchase = await api.SendAsync(HttpMethod.Post, "/api/v1/credits/sms/purchases", new { pack = 1000 }, token))
        {
            Assert.Equal(HttpStatusCode.Forbidden, purchase.StatusCode);
        }

        // The owner now sees the member active.
        await page.GotoAsync("/team");
        await Forms.WaitForInteractivityAsync(page);
        await Expect(users.GetByRole(AriaRole.Row).Filter(new() { HasText = memberEmail })).ToContainTextAsync("Active");
        ownerBrowser.AssertNoProblems();
        memberBrowser.AssertNoProblems();
    }

    private static async Task InviteAsync(IPage page, string email, string role)
    {
        var invite = page.GetByRole(AriaRole.Region, new() { Name = "Invite someone", Exact = true });
        await invite.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await invite.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(role);
        await invite.GetByRole(AriaRole.Button, new() { Name = "Send the invitation", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"An invitation is on its way to {email}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToBeVisibleAsync();
    }
}
