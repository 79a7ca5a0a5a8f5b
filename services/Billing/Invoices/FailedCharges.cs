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
    /// A charge of an open invoice failed, or could not be tried (no card): the invoice counts the attempt (a renewal goes on
    /// in dunning, its last attempt makes it uncollectible), the account's period follows, and Accounts and the notices hear
    /// of it. Returns whether that was the last attempt.
    /// </summary>
    public static bool Register(BillingDb db, Invoice invoice, BilledAccount? account, string failureCode, DateTimeOffset now)
    {
        var final = invoice.RegisterFailedCharge(now, retryable: invoice.Purpose == InvoicePurposes.Renewal);
        if (InvoicePeriods.CoversPeriod(invoice.Purpose))
        {
            account?.ChargeFailed(final);
        }
        db.Publish(InvoiceEvents.Failed(invoice, failureCode, now, final), now);
        return final;
    }
}
