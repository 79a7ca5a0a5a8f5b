using System.Net;
using System.Text.Json.Nodes;

using Npgsql;

using Reseller.AppHost;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing.Stripe;

namespace Reseller.EndToEndTests.Flows.Billing;

/// <summary>
/// Issue 16 end to end, with Billing charging through Stripe (the fake, over HTTP): the first flow, then a renewal the
/// card's bank holds for 3-D Secure, settled by Stripe's signed webhook through the gateway once the payer authenticated.
/// </summary>
public sealed class StripeRenewalTests(StripeSandboxSystem stripe) : IClassFixture<StripeSandboxSystem>, IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(45);
    private readonly GatewayClient client = stripe.System.Client();

    [Fact]
    public async Task A_renewal_held_for_3_D_Secure_stays_open_with_the_link_dunning_goes_on_and_the_signed_webhook_pays_it_once()
    {
        var partner = await client.CreatePartnerAsync();
        var visa = await AddCardAsync(partner, "pm_card_visa");
        var active = await client.CreateSettledAccountAsync(partner, visa);
        var accountId = active["id"]!.GetValue<string>();
        Assert.Equal("active", active["status"]!.GetValue<string>());
        var first = Assert.Single(stripe.Stripe.PaymentIntents);
        Assert.Equal(("succeeded", 4410L, "usd"), ((string?)first["status"], first["amount"]!.GetValue<long>(), (string?)first["currency"]));
        Assert.Equal((await PaymentAsync((string)first["id"]!)).Id.ToString("N"), ChargeOf(first).IdempotencyKey);

        var secure = await AddCardAsync(partner, FakeStripe.ThreeDSecureCard);
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Patch, $"/api/v1/accounts/{accountId}", new { billing_profile_id = secure }, partner.Token), HttpStatusCode.OK);
        Assert.True(await OldCardIsReleasedAsync(partner, visa), "Billing never moved the account to the new card.");

        var periodEnd = active["current_period_end"]!.GetValue<DateTimeOffset>();
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/admin/clock", new { now = periodEnd.AddHours(1) }, asOperator: true), HttpStatusCode.OK);
        partner = partner with { Token = await client.TokenAsync(partner.Email, partner.Password) };
        await client.WaitForAccountAsync(partner, accountId, a => a["status"]!.GetValue<string>() == "payment_failed", Settle);

        var renewal = await RenewalInvoiceAsync(partner, accountId);
        Assert.Equal(("open", 4410L), (renewal["status"]!.GetValue<string>(), renewal["amount_due"]!["amount"]!.GetValue<long>()));
        var held = Assert.Single(stripe.Stripe.PaymentIntents, i => (string?)i["payment_method"] == FakeStripe.ThreeDSecureCard);
        Assert.Equal(("requires_action", 4410L, "usd"), ((string?)held["status"], held["amount"]!.GetValue<long>(), (string?)held["currency"]));
        var attempt = await PaymentAsync((string)held["id"]!);
        Assert.Equal(attempt.Id.ToString("N"), ChargeOf(held).IdempotencyKey);
        var link = $"https://hooks.stripe.test/3d_secure_2/authenticate/{held["id"]}";
        Assert.Equal(link, attempt.ActionUrl);
        var notice = Assert.Single(await MailFolder.WaitForMailsAsync(stripe.MailDirectory, "billing@agency.test", $"Payment failed for account {active["name"]}", 1, Settle));
        Assert.Contains(link, notice, StringComparison.Ordinal);
        Assert.Contains("We will try again on", notice, StringComparison.Ordinal);

        var webhooks = new Uri(stripe.System.GatewayUrl, "/api/v1/providers/stripe/webhooks");
        var authenticated = stripe.Stripe.Authenticate((string)held["id"]!);
        Assert.Equal(HttpStatusCode.OK, await stripe.Stripe.SendEventAsync(webhooks, "payment_intent.succeeded", authenticated));
        Assert.Equal(HttpStatusCode.OK, await stripe.Stripe.SendEventAsync(webhooks, "payment_intent.succeeded", authenticated));

        var renewed = await client.WaitForAccountAsync(partner, accountId, a => a["status"]!.GetValue<string>() == "active", Settle);
        Assert.True(renewed["current_period_end"]!.GetValue<DateTimeOffset>() > periodEnd);
        var paid = await RenewalInvoiceAsync(partner, accountId);
        Assert.Equal(("paid", 4410L, 0L), (paid["status"]!.GetValue<string>(), paid["card_charged"]!["amount"]!.GetValue<long>(), paid["amount_due"]!["amount"]!.GetValue<long>()));
        Assert.Equal(2, (await client.InvoicesOfAsync(partner, accountId)).Count);
        Assert.Equal(2, stripe.Stripe.PaymentIntents.Count);
        Assert.DoesNotContain(stripe.Stripe.Requests, r => r.Path == "/v1/refunds");
    }

    private async Task<string> AddCardAsync(Partner partner, string paymentMethod) =>
        (await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles",
            new { name = "Agency card", payment_method = paymentMethod }, partner.Token), HttpStatusCode.Created))["id"]!.GetValue<string>();

    private FakeStripeRequest ChargeOf(JsonObject intent) =>
        Assert.Single(stripe.Stripe.Requests, r => r.Path == "/v1/payment_intents" && r.IdempotencyKey == (string?)intent["metadata"]!["reseller_payment_id"]);

    private async Task<(Guid Id, string? ActionUrl)> PaymentAsync(string paymentIntentId)
    {
        await using var connection = new NpgsqlConnection(stripe.System.App.GetConnectionString(ResellerResources.BillingDb));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, action_url FROM payments WHERE provider_charge_id = @id", connection);
        command.Parameters.AddWithValue("id", paymentIntentId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No payment for {paymentIntentId}");
        return (reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private async Task<bool> OldCardIsReleasedAsync(Partner partner, string profileId)
    {
        var deadline = DateTime.UtcNow + Settle;
        while (DateTime.UtcNow < deadline)
        {
            if ((await client.SendAsync(HttpMethod.Delete, $"/api/v1/billing-profiles/{profileId}", token: partner.Token)).StatusCode == HttpStatusCode.NoContent)
            {
                return true;
            }
            await Task.Delay(250);
        }
        return false;
    }

    private async Task<JsonNode> RenewalInvoiceAsync(Partner partner, string accountId) =>
        (await client.InvoicesOfAsync(partner, accountId)).Single(i => i!["purpose"]!.GetValue<string>() == "renewal")!;

    public void Dispose() => client.Dispose();
}
