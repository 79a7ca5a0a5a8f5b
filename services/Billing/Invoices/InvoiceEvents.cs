using Reseller.Contracts.Billing;

namespace Reseller.Billing.Invoices;

public static class InvoiceEvents
{
    public static InvoicePaid Paid(Invoice i) => new(
        i.Id, i.Number, i.PartnerId, i.AccountId, i.Purpose, i.Payer, i.Total, i.Currency, i.PeriodStart, i.PeriodEnd, i.PaidAt ?? i.IssuedAt, i.Reference);

    public static PaymentFailed Failed(Invoice i, string failureCode, DateTimeOffset now, bool final = false) => new(
        i.Id, i.Number, i.PartnerId, i.AccountId, i.Purpose, i.Total - i.PrepaidApplied - i.CardCharged, i.Currency, failureCode, now,
        Math.Max(1, i.FailedAttempts), i.NextRetryAt, final);
}
