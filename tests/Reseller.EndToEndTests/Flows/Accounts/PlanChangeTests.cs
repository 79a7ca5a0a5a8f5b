using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.Accounts;

[RunsAlone]
public sealed class PlanChangeTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();
    private AccountKit Kit => new(system, client);

    [Fact]
    public async Task An_upgrade_is_in_force_at_once_and_announced_with_the_new_plan_as_current()
    {
        var (partner, _, account) = await Kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();

        var upgraded = await Kit.SendOkAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}",
            new { plan = new { product = "marketing", tier = "professional", contacts = 5000, cadence = "monthly" } }, partner);

        Assert.Equal("professional", upgraded["plan"]!["tier"]!.GetValue<string>());
        Assert.Equal(5000, upgraded["plan"]!["contacts"]!.GetValue<int>());
        Assert.Null(upgraded["scheduled_plan"]);
        var changed = Assert.Single(await Kit.EventsAsync(id, "AccountPlanChanged"));
        Assert.Equal("plus", changed["Previous"]!["Tier"]!.GetValue<string>());
        Assert.Equal("professional", changed["Current"]!["Tier"]!.GetValue<string>());
        Assert.Null(changed["Scheduled"]);
    }

    [Fact]
    public async Task A_downgrade_waits_for_the_next_renewal_as_the_scheduled_plan_and_then_replaces_the_plan()
    {
        var (partner, _, account) = await Kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();

        var downgraded = await Kit.SendOkAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}",
            new { plan = new { product = "marketing", tier = "lite", contacts = 1000, cadence = "monthly" } }, partner);

        Assert.Equal("plus", downgraded["plan"]!["tier"]!.GetValue<string>());
        Assert.Equal("lite", downgraded["scheduled_plan"]!["tier"]!.GetValue<string>());
        var changed = Assert.Single(await Kit.EventsAsync(id, "AccountPlanChanged"));
        Assert.Equal("plus", changed["Current"]!["Tier"]!.GetValue<string>());
        Assert.Equal("lite", changed["Scheduled"]!["Tier"]!.GetValue<string>());

        partner = await Kit.MoveClockAsync(partner, account["current_period_end"]!.GetValue<DateTimeOffset>().AddHours(1));
        var renewed = await client.WaitForAccountAsync(partner, id, a => a["plan"]!["tier"]!.GetValue<string>() == "lite", AccountKit.Settle);
        Assert.Equal("lite", renewed["plan"]!["tier"]!.GetValue<string>());
        Assert.Null(renewed["scheduled_plan"]);
        Assert.Equal("active", renewed["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Monthly_to_annual_applies_now_and_annual_to_monthly_at_the_next_renewal()
    {
        var (partner, _, account) = await Kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();

        var annual = await Kit.SendOkAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}",
            new { plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "annual" } }, partner);
        Assert.Equal("annual", annual["plan"]!["cadence"]!.GetValue<string>());

        var monthly = await Kit.SendOkAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}",
            new { plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "monthly" } }, partner);
        Assert.Equal("annual", monthly["plan"]!["cadence"]!.GetValue<string>());
        Assert.Equal("monthly", monthly["scheduled_plan"]!["cadence"]!.GetValue<string>());
        Assert.Equal(2, (await Kit.EventsAsync(id, "AccountPlanChanged")).Count);
    }

    [Fact]
    public async Task A_trial_turned_paid_waits_for_its_first_charge_in_pending()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var trial = await Kit.CreateTrialAsync(partner);
        var id = trial["id"]!.GetValue<string>();
        Assert.Equal("trial", trial["status"]!.GetValue<string>());

        var converted = await Kit.SendOkAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}",
            new { billing_profile_id = card, plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "monthly" } }, partner);

        Assert.Equal("pending", converted["status"]!.GetValue<string>());
        Assert.Equal("monthly", converted["plan"]!["cadence"]!.GetValue<string>());
        var changed = Assert.Single(await Kit.EventsAsync(id, "AccountPlanChanged"));
        Assert.Equal("trial", changed["Previous"]!["Cadence"]!.GetValue<string>());
        Assert.Equal("monthly", changed["Current"]!["Cadence"]!.GetValue<string>());
        // The first charge may already have made it active (pending → active, a second event): the conversion is the one from trial.
        var status = Assert.Single(await Kit.EventsAsync(id, "AccountStatusChanged"), e => e!["PreviousStatus"]!.GetValue<string>() == "trial");
        Assert.Equal("pending", status["Status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_trial_cannot_turn_paid_without_a_billing_profile_nor_a_plan_outside_the_catalog()
    {
        var partner = await client.CreatePartnerAsync();
        var id = (await Kit.CreateTrialAsync(partner))["id"]!.GetValue<string>();

        var noCard = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}",
            new { plan = new { product = "marketing", tier = "plus", cadence = "monthly" } }, partner.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(noCard["errors"]!["billing_profile_id"]);
        var tooBig = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}",
            new { plan = new { product = "marketing", tier = "gold", contacts = 500_000, cadence = "weekly" } }, partner.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(tooBig["errors"]!["plan.tier"]);
        Assert.NotNull(tooBig["errors"]!["plan.cadence"]);
        Assert.Empty(await Kit.EventsAsync(id, "AccountPlanChanged"));
    }

    [Fact]
    public async Task Added_seats_are_in_force_now_and_removed_seats_at_the_next_renewal()
    {
        var (partner, _, account) = await Kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();

        var added = await Kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/seats", new { delta = 2 }, partner);
        Assert.Equal(5, added["plan"]!["seats"]!.GetValue<int>());
        var conversations = await Kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/seats", new { add_on = "conversations", delta = 250 }, partner);
        Assert.Equal(250, conversations["plan"]!["add_ons"]!.AsArray().Single(a => a!["code"]!.GetValue<string>() == "conversations")!["quantity"]!.GetValue<int>());
        var removed = await Kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/seats", new { delta = -1 }, partner);
        Assert.Equal(5, removed["plan"]!["seats"]!.GetValue<int>());
        Assert.Equal(4, removed["scheduled_plan"]!["seats"]!.GetValue<int>());

        var events = await Kit.EventsAsync(id, "AccountPlanChanged");
        Assert.Equal(3, events.Count);
        Assert.Equal(5, events[0]["Current"]!["Seats"]!.GetValue<int>());
        Assert.Equal(4, events[2]["Scheduled"]!["Seats"]!.GetValue<int>());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/seats", new { delta = -10 }, partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/seats", new { delta = 0 }, partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/seats", new { add_on = "sms", delta = 1 }, partner.Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_retried_seat_purchase_with_its_idempotency_key_adds_the_seats_once()
    {
        var (partner, _, account) = await Kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();
        var key = Guid.NewGuid().ToString();

        var first = await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/seats", new { delta = 4 }, partner.Token, idempotencyKey: key);
        var retry = await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/seats", new { delta = 4 }, partner.Token, idempotencyKey: key);
        var otherBody = await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/seats", new { delta = 5 }, partner.Token, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        await ProblemAssert.IsAsync(otherBody, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(7, (await Kit.SendOkAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", null, partner))["plan"]!["seats"]!.GetValue<int>());
        Assert.Single(await Kit.EventsAsync(id, "AccountPlanChanged"));
    }

    [Fact]
    public async Task A_trial_carries_its_20_conversations_seats_and_refuses_more()
    {
        var partner = await client.CreatePartnerAsync();
        var trial = await Kit.CreateTrialAsync(partner);
        var id = trial["id"]!.GetValue<string>();
        var conversations = Assert.Single(trial["plan"]!["add_ons"]!.AsArray(), a => a!["code"]!.GetValue<string>() == "conversations");
        Assert.Equal(20, conversations!["quantity"]!.GetValue<int>());

        var problem = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/seats",
            new { add_on = "conversations", delta = 5 }, partner.Token), HttpStatusCode.BadRequest);

        Assert.Contains("20", problem["errors"]!["add_on"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var seats = await Kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/seats", new { delta = 1 }, partner);
        Assert.Equal(4, seats["plan"]!["seats"]!.GetValue<int>());
    }

    public void Dispose() => client.Dispose();
}
