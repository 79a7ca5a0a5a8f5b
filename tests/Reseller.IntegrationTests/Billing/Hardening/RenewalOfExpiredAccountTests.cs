using Microsoft.EntityFrameworkCore;

using Reseller.Billing.CreditNotes;
using Reseller.Billing.Invoices;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Partners;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// A renewal charged before the account's cancellation reached Billing, whose payment reached Accounts only after the
/// account had expired at the end of its last period: the account never runs the period paid for, so Accounts hands the
/// renewal back (RenewalOfExpiredAccount) and Billing credits it in full and refunds the card, once.
/// </summary>
public sealed class RenewalOfExpiredAccountTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task A_renewal_paid_for_an_account_that_expired_without_it_is_credited_in_full_and_refunded_to_the_card_once_in_the_payers_language()
    {
        var details = await billing.PublishAsync(new PartnerLegalDetailsChanged(partnerId, "Étoile", "Agence Étoile SARL", "3 place Bellecour\n69002 Lyon", "FR",
            "FR98765432109", "compta@etoile.test", "fr", DateTimeOffset.UtcNow));
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(details) == 1, Eventually.Propagation));
        var card = await billing.AddCardAsync(partnerId);
        var accountId = await billing.ActiveAccountAsync(partnerId, card, Plus, DateTimeOffset.UtcNow.AddMonths(-1).AddDays(-1));
        var renewal = await PaidRenewalAsync(accountId);

        await billing.PublishAsync(new RenewalOfExpiredAccount(renewal.Id, accountId, partnerId, DateTimeOffset.UtcNow));
        Assert.True(await billing.EventuallyAsync(db => db.CreditNotes.AnyAsync(c => c.InvoiceId == renewal.Id && c.RefundSettledAt != null)),
            "The renewal of the expired account was never credited and refunded.");
        await billing.PublishAsync(new RenewalOfExpiredAccount(renewal.Id, accountId, partnerId, DateTimeOffset.UtcNow));
        Assert.True(await billing.EventuallyAsync(async db => await db.Set<InboxMessage>().CountAsync(m => m.Consumer == nameof(RenewalOfExpiredAccountConsumer)) == 2),
            "The repeated request was never consumed.");

        var note = Assert.Single(await billing.QueryAsync(db => db.CreditNotes.AsNoTracking().Where(c => c.InvoiceId == renewal.Id).ToListAsync()));
        Assert.Equal(("fr", renewal.Total, renewal.Total), (renewal.Language, note.Amount, note.CardRefund));
        Assert.Equal("Renouvellement annulé : le compte avait expiré avant la réception de ce paiement", note.Reason);
        Assert.NotNull(note.ProviderRefundId);
        Assert.Null(note.RefundFailureCode);
        Assert.True(await billing.EventuallyAsync(async db => await db.Set<OutboxMessage>()
            .CountAsync(m => m.MessageType.Contains(nameof(CreditNoteIssued)) && m.PublishedAt != null) == 1),
            "The credit note was not announced once (Partners takes back the commission it earned).");
    }

    [Fact]
    public async Task A_request_to_give_back_an_invoice_that_is_not_a_paid_renewal_of_that_account_changes_nothing()
    {
        var card = await billing.AddCardAsync(partnerId);
        var accountId = await billing.ActiveAccountAsync(partnerId, card, Plus, DateTimeOffset.UtcNow.AddMonths(-1).AddDays(-1));
        var opening = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.FirstPeriod));
        var renewal = await PaidRenewalAsync(accountId);

        var requests = new[]
        {
            await billing.PublishAsync(new RenewalOfExpiredAccount(opening.Id, accountId, partnerId, DateTimeOffset.UtcNow)),
            await billing.PublishAsync(new RenewalOfExpiredAccount(renewal.Id, Guid.NewGuid(), partnerId, DateTimeOffset.UtcNow)),
        };

        foreach (var request in requests)
        {
            Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(request) == 1, Eventually.Propagation));
        }
        Assert.Equal(0, await billing.QueryAsync(db => db.CreditNotes.CountAsync(c => c.AccountId == accountId)));
    }

    /// <summary>The account's next period invoiced as the renewal job would and charged on its card.</summary>
    private async Task<Invoice> PaidRenewalAsync(Guid accountId)
    {
        await billing.ChargeAsync(await billing.InvoiceRenewalAsync(accountId));
        var renewal = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));
        Assert.Equal(InvoiceStatus.Paid, renewal.Status);
        return renewal;
    }
}
