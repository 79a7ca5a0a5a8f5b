using System.Net;
using System.Text.Json.Nodes;

using Npgsql;

using Reseller.AppHost;
using Reseller.EndToEndTests.Flows.Credits;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;
using Reseller.Testing.Stripe;

namespace Reseller.EndToEndTests.Flows.Billing;

/// <summary>
/// The whole system run from the production overlay's settings (issue 18): Production, Stripe (the fake, over HTTP from
/// the Billing process), no sandbox. Issue 16 end to end on the same start: the first flow, and a renewal the card's bank
/// holds for 3-D Secure, settled by Stripe's signed webhook through the gateway, also when prepaid credit paid part of it;
/// and a credit pack whose Stripe charge answered after Credits stopped waiting, bought again under the same key.
/// Each test follows only its own payments.
/// </summary>
public sealed class ProductionOverlayTests(ProductionSystem production) : IClassFixture<ProductionSystem>, IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);
    private readonly GatewayClient client = production.System.Client();
    private FakeStripe Stripe => production.Stripe;

    [Fact]
    public async Task The_first_flow_passes_on_the_production_overlay_with_Stripe_charging_the_invoice_once_under_our_key()
    {
        foreach (var project in new[] { ResellerResources.Accounts, ResellerResources.Billing, ResellerResources.Credits, ResellerResources.Partners, ResellerResources.Web, ResellerResources.Gateway })
        {
            Assert.Equal("Production", production.System.App.EnvironmentOf(project.Name)["ASPNETCORE_ENVIRONMENT"]);
        }
        Assert.Equal("stripe", production.System.App.EnvironmentOf(ResellerResources.Billing.Name)["Billing__Payments__Provider"]);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/admin/clock", asOperator: true), HttpStatusCode.NotFound);

        var partner = await client.CreatePartnerAsync();
        var profile = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles",
            new { name = "Agency card", payment_method = "pm_card_visa" }, partner.Token), HttpStatusCode.Created);
        Assert.Equal(("visa", "4242"), (profile["brand"]!.GetValue<string>(), profile["last4"]!.GetValue<string>()));

        var account = await client.CreateSettledAccountAsync(partner, profile["id"]!.GetValue<string>());
        Assert.Equal("active", account["status"]!.GetValue<string>());
        var invoice = Assert.Single(await client.InvoicesOfAsync(partner, account["id"]!.GetValue<string>()))!;
        Assert.Equal(("paid", 4410L, 4410L), (invoice["status"]!.GetValue<string>(), invoice["total"]!["amount"]!.GetValue<long>(), invoice["card_charged"]!["amount"]!.GetValue<long>()));

        var payment = Assert.Single(await PaymentsOfAsync(invoice));
        var intent = IntentOf(payment);
        Assert.Equal(("succeeded", 4410L, "usd"), ((string?)intent["status"], intent["amount"]!.GetValue<long>(), (string?)intent["currency"]));
        var charge = ChargeOf(payment);
        Assert.Equal(("pm_card_visa", "true", "4410"), (charge.Form["payment_method"], charge.Form["off_session"], charge.Form["amount"]));
        Assert.All(Stripe.Requests, r => Assert.Equal("Bearer " + FakeStripe.SecretKey, r.Authorization));
    }

    [Fact]
    public async Task A_renewal_held_for_3_D_Secure_stays_open_with_the_link_dunning_goes_on_and_the_signed_webhook_pays_it_once()
    {
        var partner = await client.CreatePartnerAsync();
        var visa = await AddCardAsync(partner, "pm_card_visa");
        var active = await client.CreateSettledAccountAsync(partner, visa);
        var accountId = active["id"]!.GetValue<string>();
        Assert.Equal("active", active["status"]!.GetValue<string>());

        await RenewOnThreeDSecureCardAsync(partner, active, visa);

        var renewal = await RenewalInvoiceAsync(partner, accountId);
        Assert.Equal(("open", 4410L), (renewal["status"]!.GetValue<string>(), renewal["amount_due"]!["amount"]!.GetValue<long>()));
        var held = Assert.Single(await PaymentsOfAsync(renewal));
        var intent = IntentOf(held);
        Assert.Equal(("requires_action", 4410L, "usd"), ((string?)intent["status"], intent["amount"]!.GetValue<long>(), (string?)intent["currency"]));
        Assert.Equal(FakeStripe.ThreeDSecureCard, ChargeOf(held).Form["payment_method"]);
        Assert.Equal($"https://hooks.stripe.test/3d_secure_2/authenticate/{held.ProviderChargeId}", held.ActionUrl);
        var dunning = await DunningOfAsync(renewal);
        Assert.Equal((1, (DateTimeOffset?)dunning.FirstFailedAt.AddDays(1)), (dunning.FailedAttempts, dunning.NextRetryAt));

        var webhooks = new Uri(production.System.GatewayUrl, "/api/v1/providers/stripe/webhooks");
        var authenticated = Stripe.Authenticate(held.ProviderChargeId);
        Assert.Equal(HttpStatusCode.OK, await Stripe.SendEventAsync(webhooks, "payment_intent.succeeded", authenticated));
        Assert.Equal(HttpStatusCode.OK, await Stripe.SendEventAsync(webhooks, "payment_intent.succeeded", authenticated));

        Assert.Equal("active", (await client.WaitForAccountAsync(partner, accountId, a => a["status"]!.GetValue<string>() == "active", Settle))["status"]!.GetValue<string>());
        var paid = await RenewalInvoiceAsync(partner, accountId);
        Assert.Equal(("paid", 4410L, 0L), (paid["status"]!.GetValue<string>(), paid["card_charged"]!["amount"]!.GetValue<long>(), paid["amount_due"]!["amount"]!.GetValue<long>()));
        Assert.Equal(2, (await client.InvoicesOfAsync(partner, accountId)).Count);
        Assert.Single(await PaymentsOfAsync(paid));
        Assert.DoesNotContain(Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form.GetValueOrDefault("payment_intent") == held.ProviderChargeId);
    }

    [Fact]
    public async Task A_renewal_partly_paid_from_prepaid_and_held_for_3_D_Secure_is_paid_whole_once_the_payer_authenticates_the_card_part()
    {
        var partner = await client.CreatePartnerAsync();
        var visa = await AddCardAsync(partner, "pm_card_visa");
        var created = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", CreditsScenarios.ProfessionalPlanAccount(visa), partner.Token), HttpStatusCode.Created);
        var accountId = created["id"]!.GetValue<string>();
        var active = await client.WaitForAccountAsync(partner, accountId, a => a["status"]!.GetValue<string>() != "pending", Settle);
        Assert.Equal("active", active["status"]!.GetValue<string>());
        await client.PurchaseAsync(partner, "prepaid", 5000);
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "prepaid") == 5000);

        await RenewOnThreeDSecureCardAsync(partner, active, visa);

        // The prepaid credit paid first and the card was asked for the rest, which its bank held: the credit went back meanwhile.
        var renewal = await RenewalInvoiceAsync(partner, accountId);
        var total = renewal["total"]!["amount"]!.GetValue<long>();
        Assert.True(total > 5000, $"the professional renewal ({total}) should exceed the prepaid credit");
        Assert.Equal(("open", total), (renewal["status"]!.GetValue<string>(), renewal["amount_due"]!["amount"]!.GetValue<long>()));
        var held = Assert.Single(await PaymentsOfAsync(renewal));
        Assert.Equal(("requires_action", total - 5000), ((string?)IntentOf(held)["status"], IntentOf(held)["amount"]!.GetValue<long>()));
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "prepaid") == 5000);

        var webhooks = new Uri(production.System.GatewayUrl, "/api/v1/providers/stripe/webhooks");
        Assert.Equal(HttpStatusCode.OK, await Stripe.SendEventAsync(webhooks, "payment_intent.succeeded", Stripe.Authenticate(held.ProviderChargeId)));

        await client.WaitForAccountAsync(partner, accountId, a => a["status"]!.GetValue<string>() == "active", Settle);
        var paid = await RenewalInvoiceAsync(partner, accountId);
        Assert.Equal(("paid", 5000L, total - 5000, 0L), (paid["status"]!.GetValue<string>(), paid["prepaid_applied"]!["amount"]!.GetValue<long>(),
            paid["card_charged"]!["amount"]!.GetValue<long>(), paid["amount_due"]!["amount"]!.GetValue<long>()));
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "prepaid") == 0);
        await client.AssertLedgerMatchesBalancesAsync(partner, "prepaid");
        Assert.DoesNotContain(Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form.GetValueOrDefault("payment_intent") == held.ProviderChargeId);
    }

    [Fact]
    public async Task A_pack_bought_again_under_its_key_after_Stripe_answered_too_late_is_the_first_purchase_invoiced_and_charged_once()
    {
        var partner = await client.CreatePartnerAsync();
        await AddCardAsync(partner, "pm_card_visa");
        var key = Guid.NewGuid().ToString();
        var order = new { pack = 1000 };

        // Stripe charges at once but answers after Credits' 10 s wait for Billing: the partner is answered 503, and retries.
        // While the first request runs, the same key is refused as in flight.
        Stripe.DelayNextChargeAnswer(TimeSpan.FromSeconds(15));
        var first = client.SendAsync(HttpMethod.Post, "/api/v1/credits/sms/purchases", order, partner.Token, idempotencyKey: key);
        Assert.True(await Eventually.HoldsAsync(async () => (await PackInvoicesAsync(partner)).Count == 1, TimeSpan.FromSeconds(8)), "Billing never issued the first invoice");
        var inFlight = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/credits/sms/purchases", order, partner.Token, idempotencyKey: key),
            HttpStatusCode.Conflict);
        Assert.EndsWith("/idempotency-key-in-flight", inFlight["type"]!.GetValue<string>(), StringComparison.Ordinal);
        await ProblemAssert.IsAsync(await first, HttpStatusCode.ServiceUnavailable);
        var retried = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/credits/sms/purchases", order, partner.Token, idempotencyKey: key),
            HttpStatusCode.Created);

        var purchase = Assert.Single((await PurchasesAsync(partner))["data"]!.AsArray())!;
        Assert.Equal(purchase["id"]!.GetValue<string>(), retried["id"]!.GetValue<string>());
        var invoiceId = Assert.Single(await PackInvoicesAsync(partner));
        Assert.Equal((invoiceId, invoiceId), (retried["invoice_id"]!.GetValue<string>(), retried["invoice"]!["id"]!.GetValue<string>()));

        // Stripe's late answer (or, had Billing missed it, its recovery job asking again under the same key) pays the one invoice.
        await Eventually.ReadAsync(() => PurchaseAsync(partner, purchase["id"]!.GetValue<string>()), p => p["status"]!.GetValue<string>() == "completed",
            Settle, "the purchase to be completed", p => p.ToJsonString());
        var payment = Assert.Single(await PaymentsOfAsync(retried["invoice"]!));
        Assert.Equal("succeeded", (string?)IntentOf(payment)["status"]);
        Assert.Single(Stripe.PaymentIntents, i => (string?)i["customer"] == (string?)IntentOf(payment)["customer"]);
        Assert.Equal(1000, CreditsScenarios.PoolOf(await client.BalancesAsync(partner), "sms"));
    }

    /// <summary>
    /// The active account moves from the card it was created with to one whose bank asks for 3-D Secure, and is renewed:
    /// its renewal is held for authentication, and the account is payment_failed meanwhile.
    /// </summary>
    private async Task RenewOnThreeDSecureCardAsync(Partner partner, JsonNode active, string formerCard)
    {
        var accountId = active["id"]!.GetValue<string>();
        var secure = await AddCardAsync(partner, FakeStripe.ThreeDSecureCard);
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{accountId}", new { billing_profile_id = secure }, partner.Token), HttpStatusCode.OK);
        Assert.True(await OldCardIsReleasedAsync(partner, formerCard), "Billing never moved the account to the new card.");

        // Production has no sandbox clock: the account's anniversary is brought to the day before it was created, as if a
        // month had passed, and Billing's renewal job (every 15 s, real time) renews it as it would on that day.
        await AnniversaryComesAsync(accountId, DateOnly.FromDateTime(active["created_at"]!.GetValue<DateTimeOffset>().UtcDateTime).AddDays(-1));
        await client.WaitForAccountAsync(partner, accountId, a => a["status"]!.GetValue<string>() == "payment_failed", Settle);
    }

    private sealed record StoredPayment(Guid Id, string ProviderChargeId, string? ActionUrl);

    private async Task<string> AddCardAsync(Partner partner, string paymentMethod) =>
        (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles",
            new { name = "Agency card", payment_method = paymentMethod }, partner.Token), HttpStatusCode.Created))["id"]!.GetValue<string>();

    /// <summary>The PaymentIntent Stripe made for our payment attempt: the one whose metadata names it.</summary>
    private JsonObject IntentOf(StoredPayment payment)
    {
        var intent = Assert.Single(Stripe.PaymentIntents, i => (string?)i["id"] == payment.ProviderChargeId);
        Assert.Equal(payment.Id.ToString("N"), (string?)intent["metadata"]!["reseller_payment_id"]);
        return intent;
    }

    /// <summary>The one request that created the payment's PaymentIntent, keyed by our payment attempt id.</summary>
    private FakeStripeRequest ChargeOf(StoredPayment payment) =>
        Assert.Single(Stripe.Requests, r => r.Path == "/v1/payment_intents" && r.IdempotencyKey == payment.Id.ToString("N"));

    private async Task<JsonNode> PurchasesAsync(Partner partner) =>
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/credits/purchases", token: partner.Token), HttpStatusCode.OK);

    private async Task<JsonNode> PurchaseAsync(Partner partner, string purchaseId) =>
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/credits/purchases/{purchaseId}", token: partner.Token), HttpStatusCode.OK);

    /// <summary>The public ids of the partner's credit-pack invoices, as Billing holds them.</summary>
    private async Task<List<string>> PackInvoicesAsync(Partner partner)
    {
        await using var connection = await BillingDbAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM invoices WHERE partner_id = @partner AND purpose = 'credit_purchase'", connection);
        command.Parameters.AddWithValue("partner", IdOf(partner.Id));
        await using var reader = await command.ExecuteReaderAsync();
        var invoices = new List<string>();
        while (await reader.ReadAsync())
        {
            invoices.Add("inv_" + reader.GetGuid(0).ToString("N"));
        }
        return invoices;
    }

    private async Task<List<StoredPayment>> PaymentsOfAsync(JsonNode invoice)
    {
        await using var connection = await BillingDbAsync();
        await using var command = new NpgsqlCommand("SELECT id, provider_charge_id, action_url FROM payments WHERE invoice_id = @invoice ORDER BY created_at", connection);
        command.Parameters.AddWithValue("invoice", IdOf(invoice["id"]!.GetValue<string>()));
        await using var reader = await command.ExecuteReaderAsync();
        var payments = new List<StoredPayment>();
        while (await reader.ReadAsync())
        {
            payments.Add(new StoredPayment(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        return payments;
    }

    private async Task<(int FailedAttempts, DateTimeOffset FirstFailedAt, DateTimeOffset? NextRetryAt)> DunningOfAsync(JsonNode invoice)
    {
        await using var connection = await BillingDbAsync();
        await using var command = new NpgsqlCommand("SELECT failed_attempts, first_failed_at, next_retry_at FROM invoices WHERE id = @invoice", connection);
        command.Parameters.AddWithValue("invoice", IdOf(invoice["id"]!.GetValue<string>()));
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
    }

    private async Task AnniversaryComesAsync(string accountId, DateOnly anniversary)
    {
        await using var connection = await BillingDbAsync();
        await using var command = new NpgsqlCommand("UPDATE billed_accounts SET current_period_end = @anniversary WHERE account_id = @account AND status = 'Active'", connection);
        command.Parameters.AddWithValue("anniversary", anniversary);
        command.Parameters.AddWithValue("account", IdOf(accountId));
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task<NpgsqlConnection> BillingDbAsync()
    {
        var connection = new NpgsqlConnection(production.System.App.GetConnectionString(ResellerResources.BillingDb));
        await connection.OpenAsync();
        return connection;
    }

    private static Guid IdOf(string publicId) => Guid.ParseExact(publicId[(publicId.IndexOf('_', StringComparison.Ordinal) + 1)..], "N");

    private Task<bool> OldCardIsReleasedAsync(Partner partner, string profileId) =>
        Eventually.HoldsAsync(async () =>
            (await client.SendAsync(HttpMethod.Delete, $"/api/v1/billing-profiles/{profileId}", token: partner.Token)).StatusCode == HttpStatusCode.NoContent,
            Settle);

    private async Task<JsonNode> RenewalInvoiceAsync(Partner partner, string accountId) =>
        (await client.InvoicesOfAsync(partner, accountId)).Single(i => i!["purpose"]!.GetValue<string>() == "renewal")!;

    public void Dispose() => client.Dispose();
}
