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
        var clientRefunds = invoice.Lines.Any(l => l.Code == PlanChangeInvoicer.UnusedCreditCode)
            ? await RefundClientsUnusedPeriodAsync(account, invoice, cancellationToken)
            : [];
        var price = PartnerPrice(invoice, account.Plan.Product, await invoicer.DiscountPercentAsync(account, cancellationToken));
        var details = new IssueInvoice(account.PartnerId, account.AccountId, Payers.Partner, invoice.Purpose, invoice.PeriodStart, invoice.PeriodEnd);
        return (await invoicer.InvoiceAsync(account, details, price, account.BillingProfileId, cancellationToken), clientRefunds);
    }

    /// <summary>
    /// A client's switch to a new cadence credited the unused rest of what the client itself paid of the period on its
    /// year at the year's tax, and refunded the rest by a note then (<see cref="UnusedPeriod"/>). Voided, the year takes that
    /// credit with it: the client's rest it credited goes back to the client by a note, refunded after commit. The partner's
    /// year credits nothing of the period: what the partner paid of it was refunded when its client switched.
    /// </summary>
    private Task<List<CreditNote>> RefundClientsUnusedPeriodAsync(BilledAccount account, Invoice voidedYear, CancellationToken cancellationToken) =>
        unusedPeriod.RefundAsync(account, voidedYear.PeriodStart,
            paid => paid.Payer == Payers.Customer && paid.PartnerId == account.PartnerId && paid.IsTaxedAs(voidedYear.TaxRate, voidedYear.ReverseCharge),
            paid => TakenBackReason.In(paid.Language), cancellationToken);

    /// <summary>
    /// The client's lines (list prices) at the partner's discount, as its own invoice would have been priced, said in the
    /// partner's language (a line issued before lines kept their text keeps the client's words).
    /// </summary>
    private PriceBreakdown PartnerPrice(Invoice invoice, string product, int discountPercent)
    {
        var lines = invoice.Lines.Where(l => l.Code != PlanChangeInvoicer.UnusedCreditCode)
            .Select(l => new PriceLine(l.Code, l.Description, l.Quantity, l.UnitAmount, pricer.IsDiscountable(product, l.Code)) { Text = LineTextJson.Read(l.Text) }
                .WithDiscountPercent(discountPercent))
            .ToList();
        return new PriceBreakdown(lines, invoice.Currency, discountPercent);
    }
}
