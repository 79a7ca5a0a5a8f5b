using Reseller.Contracts.Billing;

namespace Reseller.Billing.Invoices;

public static class InvoiceEvents
{
    public static InvoiceIssued Issued(Invoice i) => new(
        i.Id, i.Number, i.PartnerId, i.AccountId, i.Payer, i.Purpose, i.Status.ToString().ToLowerInvariant(), i.Currency,
        i.Lines.Select(l => new InvoiceIssuedLine(l.Code, l.Description, l.Quantity, l.UnitAmount, l.Amount, l.Discount, l.Total)).ToList(),
        i.Subtotal, i.DiscountPercent, i.Discount, i.TaxRate, i.Tax, i.ReverseCharge, i.Total, i.AmountDue, i.PeriodStart, i.PeriodEnd, i.IssuedAt,
        i.DueDate ?? DateOnly.FromDateTime(i.IssuedAt.UtcDateTime), i.Language, i.PaidAt, i.Reference);

    public static InvoicePaid Paid(Invoice i) => new(
        i.Id, i.Number, i.PartnerId, i.AccountId, i.Purpose, i.Payer, i.Total, i.Currency, i.PeriodStart, i.PeriodEnd, i.PaidAt ?? i.IssuedAt, i.Reference, i.Tax);

    public static PaymentFailed Failed(Invoice i, string failureCode, DateTimeOffset now, bool final = false) => new(
        i.Id, i.Number, i.PartnerId, i.AccountId, i.Purpose, i.Total - i.PrepaidApplied - i.CardCharged, i.Currency, failureCode, now,
        Math.Max(1, i.FailedAttempts), i.NextRetryAt, final, i.PeriodEnd);
}
