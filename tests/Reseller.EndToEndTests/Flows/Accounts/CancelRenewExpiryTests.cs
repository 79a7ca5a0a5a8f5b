using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.Accounts;

[RunsAlone]
public sealed class CancelRenewExpiryTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();
    private AccountKit Kit => new(system, client);

    [Fact]
    public async Task A_cancelled_account_is_renewed_without_a_charge_before_its_period_ends()
    {
        var (partner, _, account) = await Kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();

        var cancelled = await Kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/cancel", null, partner);
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Equal(account["current_period_end"]!.GetValue<DateTimeOffset>(), cancelled["current_period_end"]!.GetValue<DateTimeOffset>());
        var renewed = await Kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/renew", new { }, partner);

        Assert.Equal("active", renewed["status"]!.GetValue<string>());
        Assert.Single(await client.InvoicesOfAsync(partner, id));
        Assert.Empty(await Kit.EventsAsync(id, "AccountRenewalRequested"));
        var statuses = (await Kit.EventsAsync(id, "AccountStatusChanged")).Select(e => $"{e["PreviousStatus"]}>{e["Status"]}").ToList();
        Assert.Equal(["pending>active", "active>cancelled", "cancelled>active"], statuses);
    }

    [Fact]
    public async Task A_cancelled_account_expires_at_its_period_end_and_then_needs_a_plan_change()
    {
        var (partner, card, account) = await Kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();
        await Kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/cancel", null, partner);

        partner = await Kit.MoveClockAsync(partner, account["current_period_end"]!.GetValue<DateTimeOffset>().AddMinutes(5));
        var expired = await Kit.WaitForStatusAsync(partner, id, "expired");

        var problem = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/renew", new { }, partner.Token), HttpStatusCode.Conflict);
        Assert.EndsWith("renewal-requires-plan-change", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        var listed = await Kit.SendOkAsync(HttpMethod.Get, "/api/v1/accounts?status=expired", null, partner);
        Assert.Contains(listed["data"]!.AsArray(), a => a!["id"]!.GetValue<string>() == id);
        Assert.DoesNotContain((await Kit.SendOkAsync(HttpMethod.Get, "/api/v1/accounts", null, partner))["data"]!.AsArray(), a => a!["id"]!.GetValue<string>() == id);
        Assert.Equal("cancelled>expired", (await Kit.EventsAsync(id, "AccountStatusChanged")).Select(e => $"{e["PreviousStatus"]}>{e["Status"]}").Last());

        var restarted = await Kit.SendOkAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}",
            new { billing_profile_id = card, plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "monthly" } }, partner);
        Assert.Equal("pending", restarted["status"]!.GetValue<string>());
        Assert.Equal("expired", expired["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_trial_expires_after_14_days_and_is_found_with_the_expired_filter()
    {
        var partner = await client.CreatePartnerAsync();
        var trial = await Kit.CreateTrialAsync(partner);
        var id = trial["id"]!.GetValue<string>();
        var ends = trial["current_period_end"]!.GetValue<DateTimeOffset>();
        Assert.Equal(14, (ends - trial["created_at"]!.GetValue<DateTimeOffset>()).TotalDays, 3);

        partner = await Kit.MoveClockAsync(partner, ends.AddMinutes(1));
        await Kit.WaitForStatusAsync(partner, id, "expired");

        var expired = await Kit.SendOkAsync(HttpMethod.Get, "/api/v1/accounts?status=expired&cadence=trial", null, partner);
        Assert.Equal(id, Assert.Single(expired["data"]!.AsArray())!["id"]!.GetValue<string>());
        var renew = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/renew", new { }, partner.Token), HttpStatusCode.Conflict);
        Assert.EndsWith("renewal-requires-plan-change", renew["type"]!.GetValue<string>(), StringComparison.Ordinal);
        var status = Assert.Single(await Kit.EventsAsync(id, "AccountStatusChanged"));
        Assert.Equal("expired", status["Status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Renewing_a_payment_failed_account_asks_billing_to_charge_with_the_new_card()
    {
        var partner = await client.CreatePartnerAsync();
        var declined = await client.CreateBillingProfileAsync(partner, GatewayClient.DeclinedCard);
        var good = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var created = await client.CreateAccountAsync(partner, declined);
        var id = created["id"]!.GetValue<string>();
        await Kit.WaitForStatusAsync(partner, id, "payment_failed");

        var renewed = await Kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/renew", new { billing_profile_id = good }, partner);

        Assert.Equal(good, renewed["billing_profile_id"]!.GetValue<string>());
        var requested = Assert.Single(await Kit.EventsAsync(id, "AccountRenewalRequested"));
        Assert.Equal(good, "bp_" + requested["BillingProfileId"]!.GetValue<Guid>().ToString("N"));
        // The renewal itself changes no status; the new card's charge then activates the account (it may already have).
        await Kit.WaitForStatusAsync(partner, id, "active");
        Assert.Equal(["pending>payment_failed", "payment_failed>active"],
            (await Kit.EventsAsync(id, "AccountStatusChanged")).Select(e => $"{e["PreviousStatus"]}>{e["Status"]}"));
    }

    [Fact]
    public async Task Renewing_an_active_account_keeps_it_as_it_is_and_cancelling_twice_changes_nothing()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var created = await client.CreateAccountAsync(partner, card);
        var id = created["id"]!.GetValue<string>();
        var active = await Kit.WaitForStatusAsync(partner, id, "active");

        // Neither cancelled nor expired, it is renewable (DOMAIN.md's eligibility), with nothing open to charge.
        var renewed = await Kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/renew", new { }, partner);
        Assert.Equal(("active", active["current_period_end"]!.GetValue<DateTimeOffset>()),
            (renewed["status"]!.GetValue<string>(), renewed["current_period_end"]!.GetValue<DateTimeOffset>()));
        Assert.Single(await client.InvoicesOfAsync(partner, id));
        Assert.Empty(await Kit.EventsAsync(id, "AccountRenewalRequested"));
        var cancelledTwice = await Kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/cancel", null, partner);
        Assert.Equal("cancelled", (await Kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/cancel", null, partner))["status"]!.GetValue<string>());
        Assert.Equal("cancelled", cancelledTwice["status"]!.GetValue<string>());
        Assert.Single(await Kit.EventsAsync(id, "AccountStatusChanged"), e => e["Status"]!.GetValue<string>() == "cancelled");
    }

    public void Dispose() => client.Dispose();
}
