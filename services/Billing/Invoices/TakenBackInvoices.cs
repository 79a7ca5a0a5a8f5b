using Microsoft.EntityFrameworkCore;

using Reseller.Billing.CreditNotes;
using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Payments;
using Reseller.Billing.Pricing;
using Reseller.Contracts.Accounts;

namespace Reseller.Billing.Invoices;

/// <summary>
/// What a client still owed for its account when its partner took payment back (a renewal in dunning, a first period
/// waiting for the client's card, an upgrade's proration, a switch to annual) becomes the partner's: the client's invoice
/// is voided and its lines are issued to the partner at the partner's reseller discount and charged to the partner's card.
/// Left with the client, it was retried on the partner's card, which never pays a client's invoice, so the account the
/// partner had taken back expired unpaid. A charge of the client's card still under way then finds its invoice void:
/// taken, it is refunded (<see cref="ChargeProcessor"/>). Only the partner's own switch does this: a client handing paying
/// back keeps its debts.
/// </summary>
public sealed class TakenBackInvoices(BillingDb db, PeriodInvoicer invoicer, PlanPricer pricer, UnusedPeriod unusedPeriod)
{
    /// <summary>The partner's payments to charge and the client's credit notes to refund, both after commit.</summary>
    public sealed record Reissued(List<Guid> Payments, List<CreditNote> ClientRefunds);

    /// <summary>Reissues to the partner every open invoice of the account its client owed, inside the caller's transaction.</summary>
    public async Task<Reissued> ReissueAllAsync(BilledAccount account, CancellationToken cancellationToken)
    {
        var reissued = new Reissued([], []);
        if (account.Payer != Payers.Partner || account.IsClosed)
        {
            return reissued;
        }
        var owed = await db.Invoices.FromSql($"""
            SELECT *, xmin FROM invoices
            WHERE account_id = {account.AccountId} AND status = 'Open' AND payer = {Payers.Customer}
            ORDER BY issued_at FOR UPDATE
            """).ToListAsync(cancellationToken);
        // One a charge would void at once (a renewal past a cancelled account's end) is not the partner's either.
        foreach (var invoice in owed.Where(i => !ChargeProcessor.ClosedWhileCharging(i, account)))
        {
            var (paymentId, clientRefunds) = await ReissueAsync(invoice, account, cancellationToken);
            if (paymentId is { } id)
            {
                reissued.Payments.Add(id);
            }
            reissued.ClientRefunds.AddRange(clientRefunds);
        }
        return reissued;
    }

    private async Task<(Guid? PaymentId, List<CreditNote> ClientRefunds)> ReissueAsync(Invoice invoice, BilledAccount account, CancellationToken cancellationToken)
    {
        invoice.Void();
        // Saved before the partner's invoice is added: a period holds one invoice that is not void (ux_invoices_account_period).
        await db.SaveChangesAsync(cancellationToken);
        var (partnersUnused, clientRefunds) = invoice.Lines.Any(l => l.Code == PlanChangeInvoicer.UnusedCreditCode)
            ? await SettleUnusedPeriodAsync(account, invoice.PeriodStart, cancellationToken)
            : (0L, new List<CreditNote>());
        var price = PartnerPrice(invoice, account.Plan.Product, await invoicer.DiscountPercentAsync(account, cancellationToken), partnersUnused);
        var details = new IssueInvoice(account.PartnerId, account.AccountId, Payers.Partner, invoice.Purpose, invoice.PeriodStart, invoice.PeriodEnd);
        return (await invoicer.InvoiceAsync(account, details, price, account.BillingProfileId, cancellationToken), clientRefunds);
    }

    /// <summary>
    /// A switch to a new cadence credited the unused rest of the period paid against its price. Reissued to the partner, the
    /// rest of what the partner paid stays a credit on its invoice (net of tax); the rest of what the client paid (or a
    /// former partner, before the account moved in) is theirs, so it goes back to them by a credit note, refunded after commit.
    /// </summary>
    private async Task<(long PartnersUnused, List<CreditNote> ClientRefunds)> SettleUnusedPeriodAsync(BilledAccount account, DateOnly changedOn,
        CancellationToken cancellationToken) =>
        (await unusedPeriod.PayersOwnAsync(account, Payers.Partner, changedOn, cancellationToken),
            await unusedPeriod.RefundOtherPayersAsync(account, Payers.Partner, changedOn,
                paid => paid.Payer == Payers.Customer ? TakenBackReason.In(paid.Language) : NewPeriodReason.In(paid.Language), cancellationToken));

    /// <summary>
    /// The client's lines (list prices) at the partner's discount, as its own invoice would have been priced, less the unused
    /// rest of what the partner itself paid for the period (never discounted, never taking the total below zero).
    /// </summary>
    private PriceBreakdown PartnerPrice(Invoice invoice, string product, int discountPercent, long partnersUnused)
    {
        var lines = invoice.Lines.Where(l => l.Code != PlanChangeInvoicer.UnusedCreditCode)
            .Select(l => new PriceLine(l.Code, l.Description, l.Quantity, l.UnitAmount, pricer.IsDiscountable(product, l.Code)).WithDiscountPercent(discountPercent))
            .ToList();
        var credit = Math.Min(partnersUnused, Math.Max(lines.Sum(l => l.Total), 0));
        if (credit > 0)
        {
            var description = invoice.Lines.First(l => l.Code == PlanChangeInvoicer.UnusedCreditCode).Description;
            lines.Add(new PriceLine(PlanChangeInvoicer.UnusedCreditCode, description, 1, -credit, Discountable: false));
        }
        return new PriceBreakdown(lines, invoice.Currency, discountPercent);
    }
}
