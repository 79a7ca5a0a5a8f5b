using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Npgsql;

using Reseller.Billing;
using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Billing.Prepaid;
using Reseller.Billing.Purchases;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Data;

namespace Reseller.IntegrationTests.Credits;

/// <summary>Billing's side of prepaid credit: reserve first, authorise the card for 100 cents, charge the rest, commit or release.</summary>
public sealed class PrepaidChargeTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    [Fact]
    public async Task Prepaid_credit_pays_first_the_card_is_authorised_and_charged_for_the_rest_and_totals_reconcile()
    {
        var (billing, connectionString, provider, prepaid) = await StartBillingAsync();
        await using var _ = billing;
        var partner = await SeedPartnerAsync(connectionString);

        var prepaidPack = await BuyAsync(billing, partner, "prepaid", 5000);
        Assert.Equal((0, 5000), (prepaidPack.PrepaidApplied.Amount, prepaidPack.CardCharged.Amount));
        Assert.Empty(prepaid.Requests);
        Assert.Equal(["charge 5000"], provider.Calls);

        provider.Calls.Clear();
        prepaid.Available = 1500;
        var sms = await BuyAsync(billing, partner, "sms", 1000);
        Assert.Equal("paid", sms.Status);
        Assert.Equal((1500, 500), (sms.PrepaidApplied.Amount, sms.CardCharged.Amount));
        Assert.Equal(["authorize 100", "release", "charge 500"], provider.Calls);

        provider.Calls.Clear();
        prepaid.Available = 100000;
        var compatibility = await BuyAsync(billing, partner, "compatibility", 100);
        Assert.Equal((1500, 0), (compatibility.PrepaidApplied.Amount, compatibility.CardCharged.Amount));
        Assert.Equal(["authorize 100", "release"], provider.Calls);

        Assert.Equal(2, await SqlScalar.ReadAsync(connectionString, "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Reseller.Contracts.Credits.PrepaidReservationCommitted%'"));
        Assert.Equal(0, await SqlScalar.ReadAsync(connectionString, "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Reseller.Contracts.Credits.PrepaidReservationReleased%'"));
        Assert.Equal(0, await SqlScalar.ReadAsync(connectionString, "SELECT count(*) FROM invoices WHERE status = 'Paid' AND prepaid_applied + card_charged <> total"));
        Assert.Equal(0, await SqlScalar.ReadAsync(connectionString, "SELECT count(*) FROM invoices WHERE discount <> 0"));
    }

    [Fact]
    public async Task A_declined_card_releases_the_reservation_and_leaves_the_invoice_open_with_no_prepaid_applied()
    {
        var (billing, connectionString, provider, prepaid) = await StartBillingAsync();
        await using var _ = billing;
        var partner = await SeedPartnerAsync(connectionString);
        await BuyAsync(billing, partner, "prepaid", 5000);

        prepaid.Available = 1000;
        provider.DeclineCharges = true;
        var sms = await BuyAsync(billing, partner, "sms", 1000);

        Assert.Equal("open", sms.Status);
        Assert.Equal((0, 0, 2000), (sms.PrepaidApplied.Amount, sms.CardCharged.Amount, sms.AmountDue.Amount));
        Assert.Equal(1, await SqlScalar.ReadAsync(connectionString, "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Reseller.Contracts.Credits.PrepaidReservationReleased%'"));
        Assert.Equal(0, await SqlScalar.ReadAsync(connectionString, "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Reseller.Contracts.Credits.PrepaidReservationCommitted%'"));
    }

    [Fact]
    public async Task The_same_purchase_asked_twice_is_invoiced_and_charged_once()
    {
        var (billing, connectionString, provider, _) = await StartBillingAsync();
        await using var __ = billing;
        var partner = await SeedPartnerAsync(connectionString);
        var purchaseId = "cp_" + Guid.CreateVersion7().ToString("N");

        var first = await BuyAsync(billing, partner, "sms", 1000, purchaseId);
        var second = await BuyAsync(billing, partner, "sms", 1000, purchaseId);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(["charge 2000"], provider.Calls);
        Assert.Equal(1, await SqlScalar.ReadAsync(connectionString, "SELECT count(*) FROM invoices"));
    }

    private async Task<(ServiceProvider Billing, string ConnectionString, RecordingPaymentProvider Provider, FixedPrepaidCredit Prepaid)> StartBillingAsync()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync<BillingDb>("prepaid");
        var provider = new RecordingPaymentProvider();
        var prepaid = new FixedPrepaidCredit();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<BillingDb>(o => DatabaseExtensions.Configure(o, connectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IPrepaidCredit>(prepaid);
        services.AddCharging();
        services.AddSingleton<IPaymentProvider>(provider);
        var billing = services.BuildServiceProvider();
        await using var scope = billing.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BillingDb>().Database.MigrateAsync();
        return (billing, connectionString, provider, prepaid);
    }

    private static async Task<Guid> SeedPartnerAsync(string connectionString)
    {
        var partnerId = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO billing_profiles (id, partner_id, name, provider_token, brand, last4, exp_month, exp_year, created_at)
            VALUES (@id, @partner, 'Card', 'tok_sbx_ok_test', 'visa', '4242', 12, 2099, now())
            """, connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("partner", partnerId);
        await command.ExecuteNonQueryAsync();
        return partnerId;
    }

    private static async Task<InvoiceResponse> BuyAsync(ServiceProvider billing, Guid partnerId, string kind, long pack, string? purchaseId = null)
    {
        await using var scope = billing.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PlatformClaims.PartnerId, partnerId.ToString())], "test"));
        var result = await CreditPurchasesApi.InvoiceAsync(
            new CreditPurchaseRequest(purchaseId ?? "cp_" + Guid.CreateVersion7().ToString("N"), kind, pack, null),
            user,
            sp.GetRequiredService<BillingDb>(),
            sp.GetRequiredService<ProductCatalog>(),
            sp.GetRequiredService<InvoiceNumbering>(),
            sp.GetRequiredService<Reseller.Billing.Invoices.Issuing.InvoiceHeadings>(),
            sp.GetRequiredService<ChargeProcessor>(),
            TimeProvider.System,
            CancellationToken.None);
        return result.Result switch
        {
            Created<InvoiceResponse> created => created.Value!,
            Ok<InvoiceResponse> ok => ok.Value!,
            _ => throw new InvalidOperationException("unexpected result"),
        };
    }
}
