using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Payments;
using Reseller.Billing.Pricing;
using Reseller.Contracts.Accounts;

namespace Reseller.Billing.Invoices;

/// <summary>
/// What a client still owed for its account when its partner took payment back (a renewal in dunning, a first period
/// waiting for the client's card, an upgrade's proration) becomes the partner's: the client's invoice is voided and its
/// lines are issued to the partner at the partner's reseller discount and charged to the partner's card. Left with the
/// client, it was retried on the partner's card, which never pays a client's invoice, so the account the partner had taken
/// back expired unpaid. An invoice a charge is under way for is left to that charge; its next retry is reissued here.
/// </summary>
public sealed class TakenBackInvoices(BillingDb db, PeriodInvoicer invoicer, PlanPricer pricer)
{
    /// <summary>An open invoice the client owed, nothing paid on it, for an account its partner pays now.</summary>
    public static bool IsTakenBack(Invoice invoice, BilledAccount account) =>
        invoice.Status == InvoiceStatus.Open && invoice.Payer == Payers.Customer && account.Payer == Payers.Partner
        && invoice.AccountId == account.AccountId && invoice.PrepaidApplied == 0 && invoice.CardCharged == 0;

    /// <summary>Reissues every such invoice of the account no charge is under way for; returns the payments to charge after commit.</summary>
    public async Task<List<Guid>> ReissueAllAsync(BilledAccount account, CancellationToken cancellationToken)
    {
        if (account.Payer != Payers.Partner)
        {
            return [];
        }
        var owed = await db.Invoices.FromSql($"""
            SELECT *, xmin FROM invoices
            WHERE account_id = {account.AccountId} AND status = 'Open' AND payer = {Payers.Customer}
            ORDER BY issued_at FOR UPDATE
            """)
            .Where(i => !db.Payments.Any(p => p.InvoiceId == i.Id && p.Status == PaymentStatus.Pending))
            .ToListAsync(cancellationToken);
        var payments = new List<Guid>();
        foreach (var invoice in owed.Where(i => IsTakenBack(i, account)))
        {
            if (await ReissueAsync(invoice, account, cancellationToken) is { } paymentId)
            {
                payments.Add(paymentId);
            }
        }
        return payments;
    }

    /// <summary>Voids the client's invoice and issues its lines to the partner; returns the payment to charge after commit, if any.</summary>
    public async Task<Guid?> ReissueAsync(Invoice invoice, BilledAccount account, CancellationToken cancellationToken)
    {
        if (!IsTakenBack(invoice, account))
        {
            throw new InvalidOperationException($"Invoice {invoice.Number} is not a client's invoice its partner took back.");
        }
        invoice.Void();
        // Saved before the partner's invoice is added: a period holds one invoice that is not void (ux_invoices_account_period).
        await db.SaveChangesAsync(cancellationToken);
        var price = PartnerPrice(invoice, account.Plan.Product, await invoicer.DiscountPercentAsync(account, cancellationToken));
        var details = new IssueInvoice(account.PartnerId, account.AccountId, Payers.Partner, invoice.Purpose, invoice.PeriodStart, invoice.PeriodEnd);
        return await invoicer.InvoiceAsync(account, details, price, account.CardFor(Payers.Partner), cancellationToken);
    }

    /// <summary>
    /// The client's lines (list prices) at the partner's discount, as its own invoice would have been priced. The credit for
    /// the unused part of a period paid is not discounted, and never takes the total below zero.
    /// </summary>
    public PriceBreakdown PartnerPrice(Invoice invoice, string product, int discountPercent)
    {
        var lines = invoice.Lines.Where(l => l.Code != PlanChangeInvoicer.UnusedCreditCode)
            .Select(l => new PriceLine(l.Code, l.Description, l.Quantity, l.UnitAmount, pricer.IsDiscountable(product, l.Code)).WithDiscountPercent(discountPercent))
            .ToList();
        var left = lines.Sum(l => l.Total);
        foreach (var credit in invoice.Lines.Where(l => l.Code == PlanChangeInvoicer.UnusedCreditCode))
        {
            var amount = Math.Clamp(-credit.Total, 0, Math.Max(left, 0));
            left -= amount;
            if (amount > 0)
            {
                lines.Add(new PriceLine(credit.Code, credit.Description, 1, -amount, Discountable: false));
            }
        }
        return new PriceBreakdown(lines, invoice.Currency, discountPercent);
    }
}
