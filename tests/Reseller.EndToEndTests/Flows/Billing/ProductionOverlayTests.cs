using System.Globalization;
using System.Net;

using Npgsql;

using Reseller.AppHost;
using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Billing;

/// <summary>
/// The whole system run from the production overlay's settings (issue 18): Production, Stripe (the fake, over HTTP from
/// the Billing process), no sandbox. The first flow goes through the gateway and Stripe charges the right amount once.
/// </summary>
public sealed class ProductionOverlayTests(ProductionSystem production) : IClassFixture<ProductionSystem>, IDisposable
{
    private readonly GatewayClient client = production.System.Client();

    [Fact]
    public async Task The_first_flow_passes_on_the_production_overlay_with_Stripe_charging_the_invoice_once_under_our_key()
    {
        foreach (var project in new[] { ResellerResources.Accounts, ResellerResources.Billing, ResellerResources.Credits, ResellerResources.Partners, ResellerResources.Web, ResellerResources.Gateway }.Select(p => p.Name))
        {
            Assert.Equal("Production", production.System.App.EnvironmentOf(project)["ASPNETCORE_ENVIRONMENT"]);
        }
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/admin/clock", asOperator: true), HttpStatusCode.NotFound);

        var partner = await client.CreatePartnerAsync();
        var profile = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles",
            new { name = "Agency card", payment_method = "pm_card_visa" }, partner.Token), HttpStatusCode.Created);
        Assert.Equal(("visa", "4242"), (profile["brand"]!.GetValue<string>(), profile["last4"]!.GetValue<string>()));

        var account = await client.CreateSettledAccountAsync(partner, profile["id"]!.GetValue<string>());
        Assert.Equal("active", account["status"]!.GetValue<string>());
        var invoice = Assert.Single(await client.InvoicesOfAsync(partner, account["id"]!.GetValue<string>()))!;
        Assert.Equal(("paid", 4410L, 4410L), (invoice["status"]!.GetValue<string>(), invoice["total"]!["amount"]!.GetValue<long>(), invoice["card_charged"]!["amount"]!.GetValue<long>()));

        var intent = Assert.Single(production.Stripe.PaymentIntents);
        Assert.Equal(("succeeded", 4410L, "usd"), ((string?)intent["status"], intent["amount"]!.GetValue<long>(), (string?)intent["currency"]));
        var charge = Assert.Single(production.Stripe.Requests, r => r.Path == "/v1/payment_intents");
        var paymentId = await PaymentOfAsync((string)intent["id"]!);
        Assert.Equal(paymentId.ToString("N"), charge.IdempotencyKey);
        Assert.Equal(charge.IdempotencyKey, (string?)intent["metadata"]!["reseller_payment_id"]);
        Assert.All(production.Stripe.Requests, r => Assert.Equal("Bearer " + Reseller.Testing.Stripe.FakeStripe.SecretKey, r.Authorization));
        Assert.Equal(invoice["total"]!["amount"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture), charge.Form["amount"]);
    }

    private async Task<Guid> PaymentOfAsync(string paymentIntentId)
    {
        await using var connection = new NpgsqlConnection(production.System.App.GetConnectionString(ResellerResources.BillingDb));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM payments WHERE provider_charge_id = @id", connection);
        command.Parameters.AddWithValue("id", paymentIntentId);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => client.Dispose();
}
