using System.Net;

using Reseller.EndToEndTests.Flows.Billing;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.CrossService;

/// <summary>Who pays, as Billing and Partners see it after Accounts changes it, through the gateway.</summary>
[RunsAlone]
public sealed class PayerAndSummaryTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_customer_payer_is_billed_at_list_price_out_of_the_partners_sight_and_the_partner_is_mailed()
    {
        var kit = CrossFlow.Kit(system, client);
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(GatewayClient.MarketingPlusMonthly(GatewayClient.NewAccountName(), card)))!.AsObject();
        var address = $"payer-{Guid.NewGuid():N}@agency.test";
        body["notification_email"] = address;
        var created = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", body.ToJsonString(), partner.Token), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        await kit.WaitForStatusAsync(partner, id, "active");
        await CrossFlow.WaitForInvoiceAsync(client, partner, id, "first_period");

        await kit.SendOkAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer", new { payer = "customer" }, partner);
        await CrossFlow.WaitForSummaryAsync(client, partner, 0);

        await kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/seats", new { delta = 1 }, partner);
        var customer = await AccountTokens.MintAsync(system, partner.Id, id, await kit.NowAsync());
        var next = (await Eventually.ReadAsync(
            async () => (await GatewayClient.JsonAsync(await BillingFlows.GetAsync(client, $"/api/v1/invoices?account_id={id}", customer), HttpStatusCode.OK))["data"]!.AsArray(),
            mine => mine.Any(i => i!["purpose"]!.GetValue<string>() == "proration"),
            CrossFlow.Settle)).FirstOrDefault(i => i!["purpose"]!.GetValue<string>() == "proration");
        Assert.NotNull(next);
        Assert.Equal("customer", next["payer"]!.GetValue<string>());
        Assert.Equal(0, next["discount_percent"]!.GetValue<int>());
        Assert.Equal(next["subtotal"]!["amount"]!.GetValue<long>(), next["total"]!["amount"]!.GetValue<long>());
        var partnerSees = await client.InvoicesOfAsync(partner, id);
        Assert.DoesNotContain(partnerSees, i => i!["id"]!.GetValue<string>() == next["id"]!.GetValue<string>());
        Assert.All(partnerSees, i => Assert.Equal("partner", i!["payer"]!.GetValue<string>()));

        // A later switch back is the marker: once both Billing and Partners have taken it, every mail of the first switch
        // has been sent, and each switch mailed the partner exactly once.
        await kit.SendOkAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer", new { payer = "partner" }, partner);
        await CrossFlow.WaitForSummaryAsync(client, partner, 1);
        // Taking payment back takes what the customer still owed: its proration (it had no card) is now the partner's, paid.
        var taken = await CrossFlow.WaitForInvoiceAsync(client, partner, id, "proration", i => i!["status"]!.GetValue<string>() == "paid");
        Assert.Equal(("partner", next["subtotal"]!["amount"]!.GetValue<long>()), (taken["payer"]!.GetValue<string>(), taken["subtotal"]!["amount"]!.GetValue<long>()));
        var voided = await GatewayClient.JsonAsync(await BillingFlows.GetAsync(client, $"/api/v1/invoices/{next["id"]!.GetValue<string>()}", customer), HttpStatusCode.OK);
        Assert.Equal("void", voided["status"]!.GetValue<string>());
        var mailDirectory = Path.Combine(system.App.DataDirectory, "mail");
        await Eventually.HoldsAsync(() => PayerMails(mailDirectory, address).Any(m => m.Subject.EndsWith("paid by the partner", StringComparison.Ordinal)), CrossFlow.Settle);
        var mails = PayerMails(mailDirectory, address);
        Assert.True(mails.Count == 2, string.Join(" | ", mails.Select(m => m.Subject)));
        Assert.Single(mails, m => m.Subject.EndsWith("paid by the customer", StringComparison.Ordinal));
        Assert.Single(mails, m => m.Subject.EndsWith("paid by the partner", StringComparison.Ordinal));
    }

    /// <summary>Every mail to the address that tells of a payer switch, whichever service wrote it.</summary>
    private static List<MailFolder.Mail> PayerMails(string mailDirectory, string address) =>
        MailFolder.In(mailDirectory).Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase)
            && (m.Subject.Contains("paid by the", StringComparison.Ordinal) || m.Subject.Contains("Payer changed", StringComparison.Ordinal))).ToList();

    [Fact]
    public async Task After_a_switch_to_the_customer_the_renewal_is_at_list_price_for_the_customer_and_the_account_no_longer_counts_for_the_discount()
    {
        var kit = CrossFlow.Kit(system, client);
        var (partner, _, account) = await kit.ActiveAccountAsync();
        var id = account["id"]!.GetValue<string>();
        await CrossFlow.WaitForSummaryAsync(client, partner, 1);

        await kit.SendOkAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer", new { payer = "customer" }, partner);
        var summary = await CrossFlow.WaitForSummaryAsync(client, partner, 0);
        Assert.Equal(0, summary["discount_percent"]!.GetValue<int>());
        await CrossFlow.WaitForBillingAsync(system, id, "payer = 'customer'");

        partner = await kit.MoveClockAsync(partner, account["current_period_end"]!.GetValue<DateTimeOffset>().AddHours(1));
        var customer = await AccountTokens.MintAsync(system, partner.Id, id, await kit.NowAsync());
        var renewal = (await Eventually.ReadAsync(
            async () => (await GatewayClient.JsonAsync(await BillingFlows.GetAsync(client, "/api/v1/invoices", customer), HttpStatusCode.OK))["data"]!.AsArray(),
            mine => mine.Any(i => i!["purpose"]!.GetValue<string>() == "renewal"),
            CrossFlow.Settle)).FirstOrDefault(i => i!["purpose"]!.GetValue<string>() == "renewal");
        Assert.NotNull(renewal);
        Assert.Equal(4900, renewal["total"]!["amount"]!.GetValue<long>());
        Assert.Equal("customer", renewal["payer"]!.GetValue<string>());
        // The customer named no card of its own: the partner's card, which the account left, is never charged for it.
        Assert.NotEqual("paid", renewal["status"]!.GetValue<string>());
        Assert.Equal(0, renewal["card_charged"]!["amount"]!.GetValue<long>());
        Assert.DoesNotContain(await client.InvoicesOfAsync(partner, id), i => i!["purpose"]!.GetValue<string>() == "renewal");
    }

    [Fact]
    public async Task The_partner_summary_follows_accounts_paid_cancelled_and_expired()
    {
        var kit = CrossFlow.Kit(system, client);
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        Assert.Equal(0, (await CrossFlow.PartnerSummaryAsync(client, partner))["paid_accounts"]!.GetValue<int>());

        var first = await client.CreateSettledAccountAsync(partner, card);
        var second = await client.CreateSettledAccountAsync(partner, card);
        var summary = await CrossFlow.WaitForSummaryAsync(client, partner, 2);
        Assert.Equal(10, summary["discount_percent"]!.GetValue<int>());

        var trial = await kit.CreateTrialAsync(partner);
        Assert.NotNull(trial["id"]);
        Assert.Equal(2, (await CrossFlow.PartnerSummaryAsync(client, partner))["paid_accounts"]!.GetValue<int>());

        var firstId = first["id"]!.GetValue<string>();
        await kit.SendOkAsync(HttpMethod.Post, $"/api/v1/accounts/{firstId}/cancel", null, partner);
        await CrossFlow.WaitForBillingAsync(system, firstId, "status = 'Cancelled'");
        Assert.Equal(2, (await CrossFlow.PartnerSummaryAsync(client, partner))["paid_accounts"]!.GetValue<int>());

        // At the period end the cancelled account expires (no longer paid) and the other renews (still paid).
        var end = new[] { first, second }.Max(a => a["current_period_end"]!.GetValue<DateTimeOffset>());
        partner = await kit.MoveClockAsync(partner, end.AddHours(1));
        await kit.WaitForStatusAsync(partner, firstId, "expired");
        summary = await CrossFlow.WaitForSummaryAsync(client, partner, 1);
        Assert.Equal(10, summary["discount_percent"]!.GetValue<int>());
    }

    public void Dispose() => client.Dispose();
}
