using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>
/// The invoice resource in invoice.issued: GET /api/v1/invoices/{id} as it stood at issue, same names, order and formats
/// (nothing prepaid, charged or credited yet), without the issuer and bill-to parties, which the event does not carry.
/// </summary>
public sealed record WebhookIssuedInvoice(
    string Id,
    string Number,
    string Status,
    string? AccountId,
    string Payer,
    string Purpose,
    IReadOnlyList<WebhookInvoiceLine> Lines,
    MoneyAmount Subtotal,
    int DiscountPercent,
    MoneyAmount Discount,
    MoneyAmount Total,
    MoneyAmount PrepaidApplied,
    MoneyAmount CardCharged,
    MoneyAmount AmountDue,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateTimeOffset IssuedAt,
    DateTimeOffset? PaidAt,
    MoneyAmount Credited,
    IReadOnlyList<object> CreditNotes,
    DateOnly DueDate,
    decimal TaxRate,
    MoneyAmount Tax,
    bool ReverseCharge,
    string Language)
{
    public static WebhookIssuedInvoice From(InvoiceIssued i)
    {
        MoneyAmount Money(long amount) => new(amount, i.Currency);
        return new(
            PublicId.Format(WebhookInvoice.IdPrefix, i.InvoiceId),
            i.Number,
            i.Status,
            i.AccountId is { } a ? WebhookAccount.FormatId(a) : null,
            i.Payer,
            i.Purpose,
            i.Lines.Select(l => new WebhookInvoiceLine(l.Code, l.Description, l.Quantity, Money(l.UnitAmount), Money(l.Amount), Money(l.Discount), Money(l.Total))).ToList(),
            Money(i.Subtotal),
            i.DiscountPercent,
            Money(i.Discount),
            Money(i.Total),
            Money(0),
            Money(0),
            Money(i.AmountDue),
            i.PeriodStart,
            i.PeriodEnd,
            i.IssuedAt,
            i.PaidAt,
            Money(0),
            [],
            i.DueDate,
            i.TaxRate,
            Money(i.Tax),
            i.ReverseCharge,
            i.Language);
    }
}
