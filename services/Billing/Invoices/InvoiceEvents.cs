using Reseller.Contracts.Billing;

namespace Reseller.Billing.Invoices;

public static class InvoiceEvents
{
    public static InvoicePaid Paid(Invoice i) => new(
        i.Id, i.Number, i.PartnerId, i.AccountId, i.Purpose, i.Payer, i.Total, i.Currency, i.PeriodStart, i.PeriodEnd, i.PaidAt ?? i.IssuedAt);

    public static PaymentFailed Failed(Invoice i, string failureCode, DateTimeOffset now) => new(
        i.Id, i.Number, i.PartnerId, i.AccountId, i.Purpose, i.AmountDue, i.Currency, failureCode, now);
}
