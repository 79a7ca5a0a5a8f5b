using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Webhooks.Events;

/// <summary>The invoice resource in events: the fields of GET /api/v1/invoices/{id} the event carries, same names and formats.</summary>
public sealed record WebhookInvoice(
    string Id,
    string Number,
    string Status,
    string? AccountId,
    string? Payer,
    string Purpose,
    MoneyAmount? Total,
    MoneyAmount? AmountDue,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    DateTimeOffset? PaidAt)
{
    public const string IdPrefix = "inv";

    public static WebhookInvoice From(InvoicePaid paid) => new(
        PublicId.Format(IdPrefix, paid.InvoiceId),
        paid.Number,
        "paid",
        paid.AccountId is { } a ? WebhookAccount.FormatId(a) : null,
        paid.Payer,
        paid.Purpose,
        new MoneyAmount(paid.Total, paid.Currency),
        new MoneyAmount(0, paid.Currency),
        paid.PeriodStart,
        paid.PeriodEnd,
        paid.PaidAt);
}
