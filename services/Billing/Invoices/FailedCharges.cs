using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.Invoices;

public static class FailedCharges
{
    /// <summary>The failure code of a charge that could not be attempted: the account has no card.</summary>
    public const string NoCard = "no_billing_profile";

    /// <summary>
    /// Whether a failed charge of an invoice of this purpose is retried in dunning (1, 3 and 5 days later, then the invoice
    /// is uncollectible and the account expires): every charge for service the account runs on, a renewal, a plan change that
    /// started a new period (monthly to annual) or the proration of an upgrade applied at once. Left open without retries,
    /// they were service never paid for. A first period's charge is not: its account waits for it out of service.
    /// </summary>
    public static bool IsRetried(string purpose) => purpose is InvoicePurposes.Renewal or InvoicePurposes.PlanChange or InvoicePurposes.Proration;

    /// <summary>
    /// A charge of an open invoice failed, or could not be tried (no card): the invoice counts the attempt (in dunning, its
    /// last attempt makes it uncollectible; see <see cref="IsRetried"/>), the account's period follows, and Accounts and the
    /// notices hear of it. Returns whether that was the last attempt.
    /// </summary>
    public static bool Register(BillingDb db, Invoice invoice, BilledAccount? account, string failureCode, DateTimeOffset now)
    {
        var final = invoice.RegisterFailedCharge(now, retryable: IsRetried(invoice.Purpose));
        if (InvoicePeriods.CoversPeriod(invoice.Purpose))
        {
            account?.ChargeFailed(final);
        }
        db.Publish(InvoiceEvents.Failed(invoice, failureCode, now, final), now);
        return final;
    }
}
