using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Invoices;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// An account whose next period already has its renewal invoice (a state some defect left: here, a paid renewal whose
/// period never moved on) would meet the unique (account, period) index. Before, that rolled back its whole batch of 500 at
/// every run, so nobody's renewal was invoiced any more; now that account is held back alone, never invoiced twice.
/// </summary>
public sealed class HeldBackRenewalTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task An_account_whose_next_period_is_invoiced_already_is_held_back_and_the_rest_of_its_batch_renews()
    {
        var card = await billing.AddCardAsync(partnerId);
        var dueSince = DateTimeOffset.UtcNow.AddMonths(-1).AddDays(-1);
        var stuck = await StuckWithItsRenewalPaidAsync(card, dueSince);
        var others = new[] { await billing.ActiveAccountAsync(partnerId, card, Plus, dueSince), await billing.ActiveAccountAsync(partnerId, card, Plus, dueSince) };

        Assert.Equal(others.Length, await billing.RunAsync<RenewalJob>(DateTimeOffset.UtcNow));

        foreach (var accountId in others)
        {
            Assert.Equal(InvoiceStatus.Paid, Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal)).Status);
        }
        Assert.Single(await billing.InvoicesAsync(stuck, InvoicePurposes.Renewal));
        Assert.Null((await billing.AccountAsync(stuck)).RenewalInvoicedFor);

        // It stays due, and held back at every run, until someone mends it.
        Assert.Equal(0, await billing.RunAsync<RenewalJob>(DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.Single(await billing.InvoicesAsync(stuck, InvoicePurposes.Renewal));
    }

    /// <summary>An account renewed and paid, then put back as it was before that renewal: due again for a period already invoiced.</summary>
    private async Task<Guid> StuckWithItsRenewalPaidAsync(Guid card, DateTimeOffset dueSince)
    {
        var accountId = await billing.ActiveAccountAsync(partnerId, card, Plus, dueSince);
        var before = await billing.AccountAsync(accountId);
        Assert.Equal(1, await billing.RunAsync<RenewalJob>(DateTimeOffset.UtcNow));
        Assert.Equal(InvoiceStatus.Paid, Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal)).Status);
        await billing.InScopeAsync(db => db.Database.ExecuteSqlAsync($"""
            UPDATE billed_accounts SET period_index = {before.PeriodIndex}, current_period_start = {before.CurrentPeriodStart},
                current_period_end = {before.CurrentPeriodEnd}, renewal_invoiced_for = NULL
            WHERE account_id = {accountId}
            """));
        Assert.Equal(AccountStatus.Active, (await billing.AccountAsync(accountId)).Status);
        return accountId;
    }
}
