using Reseller.Billing.Invoices;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// An account moves into an agency that has not chosen its card when the renewal falls due: the renewal fails for want of
/// a card and is in dunning like a declined one. A card chosen before a retry pays it; with none, the last retry expires
/// the account instead of leaving it unpaid and in service for good.
/// </summary>
public sealed class DunningWithoutCardTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");
    private readonly Guid formerPartnerId = Guid.NewGuid();
    private readonly Guid newPartnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task A_card_chosen_after_a_card_less_renewal_failed_pays_it_at_the_next_retry()
    {
        var accountId = await MovedInWithoutCardThenRenewedAsync();

        var card = await billing.AddCardAsync(newPartnerId);
        await billing.ChooseCardAsync(accountId, newPartnerId, card, DateTimeOffset.UtcNow);
        await billing.RunAsync<DunningJob>(DateTimeOffset.UtcNow.AddDays(1).AddMinutes(1));

        Assert.Equal(InvoiceStatus.Paid, Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal)).Status);
        Assert.Equal(AccountStatus.Active, (await billing.AccountAsync(accountId)).Status);
    }

    [Fact]
    public async Task Without_a_card_the_renewal_is_retried_1_3_and_5_days_later_then_the_account_expires()
    {
        var accountId = await MovedInWithoutCardThenRenewedAsync();

        foreach (var day in new[] { 1, 3 })
        {
            await billing.RunAsync<DunningJob>(DateTimeOffset.UtcNow.AddDays(day).AddMinutes(1));
            var retried = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));
            Assert.Equal(InvoiceStatus.Open, retried.Status);
            Assert.NotNull(retried.NextRetryAt);
            Assert.Equal(AccountStatus.PaymentFailed, (await billing.AccountAsync(accountId)).Status);
        }
        await billing.RunAsync<DunningJob>(DateTimeOffset.UtcNow.AddDays(5).AddMinutes(1));

        var renewal = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));
        Assert.Equal(InvoiceStatus.Uncollectible, renewal.Status);
        Assert.Equal(4, renewal.FailedAttempts);
        Assert.Equal(AccountStatus.Expired, (await billing.AccountAsync(accountId)).Status);
    }

    /// <summary>An account paid by its former partner, moved in to the new one (no card yet), whose renewal then fell due.</summary>
    private async Task<Guid> MovedInWithoutCardThenRenewedAsync()
    {
        var accountId = await billing.ActiveAccountAsync(formerPartnerId, await billing.AddCardAsync(formerPartnerId), Plus, DateTimeOffset.UtcNow.AddMonths(-1).AddDays(-1));
        var movedAt = DateTimeOffset.UtcNow.AddMinutes(-5);
        await billing.MoveOutAsync(accountId, formerPartnerId, movedAt);
        await billing.MoveInAsync(accountId, newPartnerId, Plus, movedAt.AddSeconds(1));

        await billing.RunAsync<RenewalJob>(DateTimeOffset.UtcNow);

        var renewal = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));
        Assert.Equal(InvoiceStatus.Open, renewal.Status);
        Assert.NotNull(renewal.NextRetryAt);
        Assert.Equal(AccountStatus.PaymentFailed, (await billing.AccountAsync(accountId)).Status);
        return accountId;
    }
}
