using System.Net;
using System.Text.Json.Nodes;

using Reseller.AppHost;
using Reseller.EndToEndTests.Flows.Accounts;
using Reseller.EndToEndTests.Flows.AccountUsers;
using Reseller.EndToEndTests.Flows.Billing;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.CrossService;

/// <summary>The customer switches who pays itself (docs/api.md: PUT /payer by a customer or partner user), with a card of its own.</summary>
[RunsAlone]
public sealed class CustomerPaysTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    private AccountKit Kit => CrossFlow.Kit(system, client);

    [Fact]
    public async Task A_customer_takes_over_paying_with_its_own_card_its_renewal_is_charged_to_it_and_a_switch_back_restores_the_partner_card()
    {
        var (partner, partnerCard, account, admin) = await ActiveAccountWithAdminAsync();
        var id = account["id"]!.GetValue<string>();
        var ownCard = await CustomerCardAsync(admin);

        var switched = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer",
            new { payer = "customer", billing_profile_id = ownCard }, admin), HttpStatusCode.OK);
        Assert.Equal("customer", switched["billing"]!["payer"]!.GetValue<string>());
        Assert.Equal(ownCard, switched["billing"]!["billing_profile_id"]!.GetValue<string>());
        var announced = Assert.Single(await Kit.EventsAsync(id, "PayerChanged"));
        Assert.Equal(Guid.ParseExact(ownCard["bp_".Length..], "N"), announced["BillingProfileId"]!.GetValue<Guid>());
        await CrossFlow.WaitForBillingAsync(system, id, $"payer = 'customer' AND billing_profile_id = '{Guid.ParseExact(ownCard["bp_".Length..], "N")}'");

        partner = await Kit.MoveClockAsync(partner, account["current_period_end"]!.GetValue<DateTimeOffset>().AddHours(1));
        var renewal = await CustomerRenewalAsync(await AccountTokens.MintAsync(system, partner.Id, id, await Kit.NowAsync()));
        Assert.Equal("paid", renewal["status"]!.GetValue<string>());
        Assert.Equal(4900, renewal["card_charged"]!["amount"]!.GetValue<long>());
        Assert.DoesNotContain(await client.InvoicesOfAsync(partner, id), i => i!["purpose"]!.GetValue<string>() == "renewal");

        admin = await client.AdminTokenAsync(account);
        var back = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer", new { payer = "partner" }, admin), HttpStatusCode.OK);
        Assert.Null(back["billing"]);
        var seenByPartner = await Kit.SendOkAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", null, partner);
        Assert.Equal("partner", seenByPartner["payer"]!.GetValue<string>());
        Assert.Equal(partnerCard, seenByPartner["billing_profile_id"]!.GetValue<string>());
        await CrossFlow.WaitForBillingAsync(system, id, $"payer = 'partner' AND billing_profile_id = '{Guid.ParseExact(partnerCard["bp_".Length..], "N")}'");
    }

    [Fact]
    public async Task A_customer_already_paying_replaces_its_card_without_a_payer_switch_being_announced()
    {
        var (partner, _, account, admin) = await ActiveAccountWithAdminAsync();
        var id = account["id"]!.GetValue<string>();
        await Kit.SendOkAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer", new { payer = "customer" }, partner);
        var card = await CustomerCardAsync(admin);

        var named = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer",
            new { payer = "customer", billing_profile_id = card }, admin), HttpStatusCode.OK);

        Assert.Equal(card, named["billing"]!["billing_profile_id"]!.GetValue<string>());
        Assert.Single(await Kit.EventsAsync(id, "PayerChanged"));
        Assert.Single(await Kit.EventsAsync(id, "AccountBillingProfileChanged"));
        await CrossFlow.WaitForBillingAsync(system, id, $"payer = 'customer' AND billing_profile_id = '{Guid.ParseExact(card["bp_".Length..], "N")}'");
    }

    [Fact]
    public async Task A_customer_made_to_pay_by_its_partner_gives_its_bill_to_afterwards_and_billing_addresses_its_invoices_by_it()
    {
        var (partner, _, account, admin) = await ActiveAccountWithAdminAsync();
        var id = account["id"]!.GetValue<string>();
        await Kit.SendOkAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer", new { payer = "customer" }, partner);
        var card = await CustomerCardAsync(admin);

        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/payer",
            new { payer = "customer", billing_profile_id = card, bill_to = new { name = "Agence Étoile SARL", address = "3 place Bellecour\n69002 Lyon", country = "FR", vat_id = "FR98765432109" } },
            admin), HttpStatusCode.OK);

        Assert.Single(await Kit.EventsAsync(id, "PayerChanged"));
        var given = Assert.Single(await Kit.EventsAsync(id, "CustomerBillToChanged"));
        Assert.Equal("FR98765432109", given["BillTo"]!["VatId"]!.GetValue<string>());
        await CrossFlow.WaitForBillingAsync(system, id,
            "EXISTS (SELECT 1 FROM billed_customers c WHERE c.account_id = billed_accounts.account_id AND c.name = 'Agence Étoile SARL' AND c.country = 'FR' AND c.vat_id = 'FR98765432109')");
    }

    [Fact]
    public async Task Each_side_names_only_its_own_card_and_a_customer_only_its_own_account()
    {
        var (partner, partnerCard, account, admin) = await ActiveAccountWithAdminAsync();
        var id = account["id"]!.GetValue<string>();
        var other = await client.CreateAccountAsync(partner, partnerCard);
        var ownCard = await CustomerCardAsync(admin);
        var payer = $"/api/v1/accounts/{id}/payer";

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{other["id"]!.GetValue<string>()}/payer", new { payer = "customer" }, admin), HttpStatusCode.NotFound);
        var partnersCard = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Put, payer, new { payer = "customer", billing_profile_id = partnerCard }, admin), HttpStatusCode.BadRequest);
        Assert.NotNull(partnersCard["errors"]!["billing_profile_id"]);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Put, payer, new { payer = "partner", billing_profile_id = ownCard }, admin), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Put, payer, new { payer = "customer", billing_profile_id = partnerCard }, partner.Token), HttpStatusCode.BadRequest);
        var member = await AccountTokens.MintMemberAsync(system, partner.Id, await Kit.NowAsync());
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Put, payer, new { payer = "customer" }, member), HttpStatusCode.Forbidden);

        await Kit.SendOkAsync(HttpMethod.Put, payer, new { payer = "customer" }, partner);
        var patched = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{id}", new { billing_profile_id = partnerCard }, partner.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(patched["errors"]!["billing_profile_id"]);
        Assert.Equal("customer", (await Kit.SendOkAsync(HttpMethod.Get, $"/api/v1/accounts/{id}", null, partner))["payer"]!.GetValue<string>());
        Assert.Single(await Kit.EventsAsync(id, "PayerChanged"));
    }

    [Fact]
    public async Task A_partners_sms_pack_is_charged_to_the_partners_card_never_to_a_customers_own_newer_card()
    {
        var (partner, partnerCard, _, admin) = await ActiveAccountWithAdminAsync();
        // The customer's own card is the newest card under the partner's id, and it declines.
        var customerCard = await CustomerCardAsync(admin, GatewayClient.DeclinedCard);

        var ordered = await Credits.CreditsScenarios.PurchaseAsync(client, partner, "sms", 1000);

        var purchase = await WaitForPurchaseAsync(partner, ordered["id"]!.GetValue<string>());
        Assert.Equal("completed", purchase["status"]!.GetValue<string>());
        Assert.Equal(0, await PaymentsOnAsync(customerCard));
        Assert.Equal(1, await PaymentsOnAsync(partnerCard, "AND invoice_id IN (SELECT id FROM invoices WHERE purpose = 'credit_purchase')"));
    }

    private async Task<(Partner Partner, string Card, JsonNode Account, string Admin)> ActiveAccountWithAdminAsync()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var created = await client.CreateAccountAsync(partner, card);
        var active = await Kit.WaitForStatusAsync(partner, created["id"]!.GetValue<string>(), "active");
        var account = active.DeepClone().AsObject();
        account["login"] = created["login"]!.DeepClone();
        return (partner, card, account, await client.AdminTokenAsync(created));
    }

    private async Task<string> CustomerCardAsync(string accountToken, string number = GatewayClient.GoodCard) =>
        (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles",
            new { name = "Client card", card = new { number, exp_month = 12, exp_year = GatewayClient.CardExpiryYear, cvc = "123" } }, accountToken),
            HttpStatusCode.Created))["id"]!.GetValue<string>();

    private Task<JsonNode> WaitForPurchaseAsync(Partner partner, string purchaseId) =>
        Eventually.ReadAsync(
            async () => await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/credits/purchases/{purchaseId}", token: partner.Token), HttpStatusCode.OK),
            purchase => purchase["status"]!.GetValue<string>() != "pending",
            CrossFlow.Settle);

    /// <summary>The charge attempts Billing recorded on a card, whatever their outcome.</summary>
    private async Task<long> PaymentsOnAsync(string card, string condition = "")
    {
        await using var connection = new Npgsql.NpgsqlConnection(system.App.GetConnectionString(ResellerResources.BillingDb));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM payments WHERE billing_profile_id = @card {condition}", connection);
        command.Parameters.AddWithValue("card", Guid.ParseExact(card["bp_".Length..], "N"));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<JsonNode> CustomerRenewalAsync(string customerToken)
    {
        var mine = await Eventually.ReadAsync(
            async () => (await GatewayClient.JsonAsync(await BillingFlows.GetAsync(client, "/api/v1/invoices", customerToken), HttpStatusCode.OK))["data"]!.AsArray(),
            invoices => invoices.Any(IsPaidRenewal),
            CrossFlow.Settle,
            "the customer's renewal to be paid",
            invoices => invoices.ToJsonString());
        return mine.First(IsPaidRenewal)!;

        static bool IsPaidRenewal(JsonNode? i) => i!["purpose"]!.GetValue<string>() == "renewal" && i["status"]!.GetValue<string>() == "paid";
    }

    public void Dispose() => client.Dispose();
}
