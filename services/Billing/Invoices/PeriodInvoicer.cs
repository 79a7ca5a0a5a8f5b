using Reseller.Billing.Accounts;
using Reseller.Billing.Data;
using Reseller.Billing.Payments;
using Reseller.Billing.Pricing;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.Invoices;

/// <summary>
/// Issues the invoice for an account's next period (priced now, discounted by the partner's paid accounts now) and records
/// the card payment to attempt. Runs inside the caller's transaction; returns the payment to charge after commit, if any.
/// </summary>
public sealed class PeriodInvoicer(BillingDb db, PlanPricer pricer, PaidAccountCounter counter, InvoiceNumbering numbering, TimeProvider clock)
{
    public async Task<Guid?> InvoiceNextPeriodAsync(BilledAccount account, string purpose, CancellationToken cancellationToken)
    {
        var (start, end) = account.NextPeriod();
        var percent = account.Payer == Payers.Partner
            ? ResellerDiscount.PercentFor(await counter.CountAsync(account.PartnerId, account.AccountId, cancellationToken) + 1)
            : 0;
        var price = pricer.Price(account.Plan, percent);
        var now = clock.GetUtcNow();
        var invoice = Invoice.Issue(
            new IssueInvoice(account.PartnerId, account.AccountId, account.Payer, purpose, start, end),
            await numbering.NextAsync(now, cancellationToken),
            price,
            now);
        db.Invoices.Add(invoice);
        if (purpose == InvoicePurposes.Renewal)
        {
            account.RenewalInvoiced(start);
        }
        BillingMetrics.InvoicesIssued.Add(1);

        if (invoice.Status == InvoiceStatus.Paid)
        {
            account.PeriodPaid(start, end);
            db.Publish(InvoiceEvents.Paid(invoice), now);
            return null;
        }
        if (account.BillingProfileId is not { } profileId)
        {
            invoice.RegisterFailedCharge(now, retryable: false);
            account.ChargeFailed(final: false);
            db.Publish(InvoiceEvents.Failed(invoice, "no_billing_profile", now), now);
            return null;
        }
        var payment = Payment.Start(invoice.Id, account.PartnerId, profileId, invoice.AmountDue, invoice.Currency, now);
        db.Payments.Add(payment);
        return payment.Id;
    }
}
