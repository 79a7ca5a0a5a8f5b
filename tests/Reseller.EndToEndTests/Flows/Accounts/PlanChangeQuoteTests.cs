using System.Net;

using Reseller.EndToEndTests.Flows.CrossService;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.Accounts;

/// <summary>POST /quotes with account_id: a change of an existing account quoted before it is made, the same amount it then invoices.</summary>
[RunsAlone]
public sealed class PlanChangeQuoteTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();
    private AccountKit Kit => new(system, client);

    private static object Plan(string tier, string cadence = "monthly") => new { product = "marketing", tier, contacts = 1000, cadence };

    [Fact]
    public async Task A_quoted_upgrade_mid_period_is_the_prorated_amount_the_change_then_invoices()
    {
        var (partner, _, account) = await Kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();
        var periodEnd = DateOnly.FromDateTime(account["current_period_end"]!.GetValue<DateTimeOffset>().UtcDateTime);
        partner = await Kit.MoveClockAsync(partner, (await Kit.NowAsync()).AddDays(9));

        var quote = await Kit.SendOkAsync(HttpMethod.Post, "/api/v1/quotes", new { account_id = id, plan = Plan("professional") }, partner);

        var change = quote["change"]!;
        Assert.Equal(id, change["account_id"]!.GetValue<string>());
        Assert.Equal("now", change["effective"]!.GetValue<string>());
        Assert.Equal(periodEnd, DateOnly.Parse(change["period_end"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(periodEnd, DateOnly.Parse(change["renewal_date"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(CrossFlow.LessDiscount(14900, 10), change["renewal"]!["total"]!["amount"]!.GetValue<long>());
        var due = quote["total"]!["amount"]!.GetValue<long>();
        Assert.InRange(due, 1, CrossFlow.LessDiscount(14900 - 4900, 10) - 1);

        await Kit.SendOkAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}", new { plan = Plan("professional") }, partner);
        var invoice = await CrossFlow.WaitForInvoiceAsync(client, partner, id, "proration");

        Assert.Equal(due, invoice["total"]!["amount"]!.GetValue<long>());
        Assert.Equal(quote["discount"]!["amount"]!.GetValue<long>(), invoice["discount"]!["amount"]!.GetValue<long>());
        Assert.Equal(quote["lines"]!.AsArray().Count, invoice["lines"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_quoted_downgrade_charges_nothing_now_and_names_the_cheaper_renewal()
    {
        var (partner, _, account) = await Kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();

        var quote = await Kit.SendOkAsync(HttpMethod.Post, "/api/v1/quotes", new { account_id = id, plan = Plan("lite") }, partner);

        Assert.Equal("next_renewal", quote["change"]!["effective"]!.GetValue<string>());
        Assert.Equal(0, quote["total"]!["amount"]!.GetValue<long>());
        Assert.Empty(quote["lines"]!.AsArray());
        Assert.Null(quote["change"]!["period_end"]);
        Assert.Equal(CrossFlow.LessDiscount(2900, 10), quote["change"]!["renewal"]!["total"]!["amount"]!.GetValue<long>());
        Assert.Equal(DateOnly.FromDateTime(account["current_period_end"]!.GetValue<DateTimeOffset>().UtcDateTime),
            DateOnly.Parse(quote["change"]!["renewal_date"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_new_account_quote_keeps_its_shape_without_a_change()
    {
        var partner = await client.CreatePartnerAsync();

        var quote = await Kit.SendOkAsync(HttpMethod.Post, "/api/v1/quotes", new { plan = Plan("plus"), payer = "partner" }, partner);

        Assert.Equal(CrossFlow.LessDiscount(4900, 10), quote["total"]!["amount"]!.GetValue<long>());
        Assert.Null(quote["change"]);
    }

    [Fact]
    public async Task A_change_quote_refuses_bad_input_with_problems_and_never_reveals_another_partners_account()
    {
        var (partner, _, account) = await Kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();
        var stranger = await client.CreatePartnerAsync();

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/quotes", new { account_id = id, plan = Plan("professional") }, stranger.Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/quotes", new { account_id = "acc_nope", plan = Plan("professional") }, partner.Token), HttpStatusCode.NotFound);
        var withPayer = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/quotes",
            new { account_id = id, payer = "customer", plan = Plan("professional") }, partner.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(withPayer["errors"]!["payer"]);
        var toTrial = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/quotes",
            new { account_id = id, plan = Plan("plus", "trial") }, partner.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(toTrial["errors"]!["plan.cadence"]);
        var otherProduct = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/quotes",
            new { account_id = id, plan = new { product = "shared-contacts", tier = "standard", seats = 3, cadence = "monthly" } }, partner.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(otherProduct["errors"]!["plan.product"]);

        await Kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/cancel", null, partner);
        await CrossFlow.WaitForBillingAsync(system, id, "status = 'Cancelled'");
        var cancelled = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/quotes",
            new { account_id = id, plan = Plan("professional") }, partner.Token), HttpStatusCode.Conflict);
        Assert.EndsWith("plan-change-not-allowed", cancelled["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public void Dispose() => client.Dispose();
}
