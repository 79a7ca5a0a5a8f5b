using System.Collections.Concurrent;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Reseller.Billing;
using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Billing.Prepaid;
using Reseller.Billing.Profiles;
using Reseller.Billing.Purchases;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Catalog;
using Reseller.Contracts.Credits;
using Reseller.ServiceDefaults.Data;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// A charge asks Credits for prepaid credit only when its partner has ever paid for a prepaid pack, known from one row per
/// partner (prepaid_buyers, a primary-key lookup) written when the pack's invoice is paid, not from the partner's invoices.
/// </summary>
public sealed class PrepaidBuyerTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private readonly RecordingPrepaidCredit credits = new();
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync<BillingDb>("billing");
        var collection = new ServiceCollection();
        collection.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        collection.AddDbContext<BillingDb>(o => DatabaseExtensions.Configure(o, connectionString));
        collection.AddSingleton(TimeProvider.System);
        collection.AddSingleton<IPrepaidCredit>(credits);
        collection.AddCharging();
        services = collection.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BillingDb>().Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task A_partner_that_never_paid_for_a_prepaid_pack_is_charged_without_asking_Credits()
    {
        var partnerId = Guid.NewGuid();
        var card = await AddCardAsync(partnerId);
        Assert.Equal(InvoiceStatus.Paid, await BuyPackAsync(partnerId, card, CreditKinds.Sms, 1000));

        Assert.Equal(InvoiceStatus.Paid, await ChargeFirstPeriodAsync(partnerId, card));

        Assert.DoesNotContain(credits.Requests, r => r.PartnerId == partnerId);
        Assert.False(await QueryAsync(db => db.PrepaidBuyers.AnyAsync(b => b.PartnerId == partnerId)));
    }

    [Fact]
    public async Task A_paid_prepaid_pack_makes_its_partner_a_prepaid_buyer_whose_next_charges_ask_Credits_first()
    {
        var partnerId = Guid.NewGuid();
        var card = await AddCardAsync(partnerId);
        Assert.Equal(InvoiceStatus.Paid, await BuyPackAsync(partnerId, card, CreditKinds.Prepaid, 5000));
        Assert.Equal(InvoiceStatus.Paid, await BuyPackAsync(partnerId, card, CreditKinds.Prepaid, 10000));

        // One row, however many packs; the packs themselves are never paid from prepaid credit.
        Assert.Equal(1, await QueryAsync(db => db.PrepaidBuyers.CountAsync(b => b.PartnerId == partnerId)));
        Assert.DoesNotContain(credits.Requests, r => r.PartnerId == partnerId);

        Assert.Equal(InvoiceStatus.Paid, await ChargeFirstPeriodAsync(partnerId, card));
        Assert.Single(credits.Requests, r => r.PartnerId == partnerId);

        // The migration's backfill finds the same partner from its paid pack invoices.
        await QueryAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM prepaid_buyers WHERE partner_id = {partnerId}"));
        await QueryAsync(db => db.Database.ExecuteSqlRawAsync(PrepaidBuyer.FromPaidPacksSql.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)));
        Assert.True(await QueryAsync(db => db.PrepaidBuyers.AnyAsync(b => b.PartnerId == partnerId)));
    }

    [Fact]
    public async Task The_prepaid_buyer_row_alone_decides_without_reading_the_partners_invoices()
    {
        var partnerId = Guid.NewGuid();
        var card = await AddCardAsync(partnerId);
        await QueryAsync(db => db.Database.ExecuteSqlAsync($"INSERT INTO prepaid_buyers (partner_id, first_paid_at) VALUES ({partnerId}, {DateTimeOffset.UtcNow})"));

        Assert.Equal(InvoiceStatus.Paid, await ChargeFirstPeriodAsync(partnerId, card));

        Assert.Single(credits.Requests, r => r.PartnerId == partnerId);
    }

    private async Task<T> QueryAsync<T>(Func<BillingDb, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BillingDb>());
    }

    private Task<Guid> AddCardAsync(Guid partnerId) => QueryAsync(async db =>
    {
        var profile = BillingProfile.Create(partnerId, null, "Card", new TokenizedCard($"tok_sbx_ok_{Guid.NewGuid():N}", "visa", "4242", 12, 2099), DateTimeOffset.UtcNow);
        db.BillingProfiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    });

    private async Task<InvoiceStatus> BuyPackAsync(Guid partnerId, Guid card, string kind, long size)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<BillingDb>();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var price = CreditPackInvoices.Price(provider.GetRequiredService<ProductCatalog>(), kind, size)!;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var invoice = Invoice.Issue(new IssueInvoice(partnerId, null, Payers.Partner, InvoicePurposes.CreditPurchase, today, today, $"cp_{Guid.NewGuid():N}"),
            (await provider.GetRequiredService<InvoiceNumbering>().NextAsync(now, CancellationToken.None)).Number, price, now);
        db.Invoices.Add(invoice);
        var payment = Payment.Start(invoice.Id, partnerId, card, invoice.AmountDue, invoice.Currency, now);
        db.Payments.Add(payment);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await provider.GetRequiredService<ChargeProcessor>().ProcessAsync(payment.Id, CancellationToken.None);
        return await QueryAsync(d => d.Invoices.Where(i => i.Id == invoice.Id).Select(i => i.Status).SingleAsync());
    }

    private async Task<InvoiceStatus> ChargeFirstPeriodAsync(Guid partnerId, Guid card)
    {
        var accountId = Guid.NewGuid();
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<BillingDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var account = BilledAccount.From(new AccountCreated(accountId, partnerId, "acct", Plus, Payers.Partner, card, "pending", DateTimeOffset.UtcNow, "billing@agency.test"));
        db.BilledAccounts.Add(account);
        var paymentId = await provider.GetRequiredService<PeriodInvoicer>().InvoiceNextPeriodAsync(account, InvoicePurposes.FirstPeriod, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await provider.GetRequiredService<ChargeProcessor>().ProcessAsync(paymentId!.Value, CancellationToken.None);
        return await QueryAsync(d => d.Invoices.Where(i => i.AccountId == accountId).Select(i => i.Status).SingleAsync());
    }

    /// <summary>Credits as a recorder: every reservation asked for, none granted (the card pays everything).</summary>
    private sealed class RecordingPrepaidCredit : IPrepaidCredit
    {
        public ConcurrentBag<ReservePrepaidCredit> Requests { get; } = [];

        public Task<long> ReserveAsync(ReservePrepaidCredit request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(0L);
        }
    }
}
