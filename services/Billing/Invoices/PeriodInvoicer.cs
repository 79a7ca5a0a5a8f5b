using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Payments;
using Reseller.Billing.Pricing;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.Invoices;

/// <summary>
/// Issues the invoice for an account's next period (priced now, discounted by the partner's paid accounts now) and records
/// the card payment to attempt. Runs inside the caller's transaction; returns the payment to charge after commit, if any.
/// </summary>
public sealed class PeriodInvoicer(BillingDb db, PlanPricer pricer, PaidAccountCounter counter, InvoiceNumbering numbering, Issuing.InvoiceHeadings headings, TimeProvider clock)
{
    public async Task<Guid?> InvoiceNextPeriodAsync(BilledAccount account, string purpose, CancellationToken cancellationToken)
    {
        if (purpose == InvoicePurposes.Renewal)
        {
            account.ApplyScheduledPlan();
        }
        var (start, end) = account.NextPeriod();
        var price = pricer.Price(account.Plan, await DiscountPercentAsync(account, cancellationToken));
        if (purpose == InvoicePurposes.Renewal)
        {
            account.RenewalInvoiced(start);
        }
        return await InvoiceAsync(account, new IssueInvoice(account.PartnerId, account.AccountId, account.Payer, purpose, start, end), price, cancellationToken);
    }

    /// <summary>The reseller discount for a charge to this account now: partner payer only, the account itself counted.</summary>
    public async Task<int> DiscountPercentAsync(BilledAccount account, CancellationToken cancellationToken) =>
        account.Payer == Payers.Partner
            ? ResellerDiscount.PercentFor(await counter.CountAsync(account.PartnerId, account.AccountId, cancellationToken) + 1)
            : 0;

    /// <summary>Issues an invoice for the account and records the charge of what is due; a zero total is paid at once.</summary>
    public async Task<Guid?> InvoiceAsync(BilledAccount account, IssueInvoice details, PriceBreakdown price, CancellationToken cancellationToken)
    {
        var (start, end, purpose) = (details.PeriodStart, details.PeriodEnd, details.Purpose);
        var now = clock.GetUtcNow();
        var invoice = Invoice.Issue(details, await numbering.NextAsync(now, cancellationToken), price, now,
            await headings.ForAsync(details.PartnerId, details.AccountId, details.Payer, cancellationToken));
        db.Invoices.Add(invoice);
        BillingMetrics.InvoicesIssued.Add(1);

        if (invoice.Status == InvoiceStatus.Paid)
        {
            if (InvoicePeriods.CoversPeriod(purpose))
            {
                account.PeriodPaid(start, end);
            }
            db.Publish(InvoiceEvents.Paid(invoice), now);
            return null;
        }
        if (account.BillingProfileId is not { } profileId)
        {
            invoice.RegisterFailedCharge(now, retryable: false);
            if (InvoicePeriods.CoversPeriod(purpose))
            {
                account.ChargeFailed(final: false);
            }
            db.Publish(InvoiceEvents.Failed(invoice, "no_billing_profile", now), now);
            return null;
        }
        var payment = Payment.Start(invoice.Id, account.PartnerId, profileId, invoice.AmountDue, invoice.Currency, now);
        db.Payments.Add(payment);
        return payment.Id;
    }
}
