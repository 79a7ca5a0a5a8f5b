using Reseller.Billing.CreditNotes;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Billing.Invoices;

public sealed record InvoiceResponse(
    string Id,
    string Number,
    string Status,
    string? AccountId,
    string Payer,
    string Purpose,
    IReadOnlyList<InvoiceLineResponse> Lines,
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
    IReadOnlyList<CreditNoteResponse> CreditNotes,
    DateOnly DueDate,
    decimal TaxRate,
    MoneyAmount Tax,
    bool ReverseCharge,
    string Language,
    InvoicePartyResponse? Issuer,
    InvoicePartyResponse? BillTo)
{
    public const string IdPrefix = "inv";
    public const string AccountIdPrefix = "acc";

    public static InvoiceResponse From(Invoice i, IReadOnlyList<CreditNote> creditNotes) => new(
        PublicId.Format(IdPrefix, i.Id),
        i.Number,
        i.Status.ToString().ToLowerInvariant(),
        i.AccountId is { } a ? PublicId.Format(AccountIdPrefix, a) : null,
        i.Payer,
        i.Purpose,
        i.Lines.Select(l => InvoiceLineResponse.From(l, i.Currency)).ToList(),
        new(i.Subtotal, i.Currency),
        i.DiscountPercent,
        new(i.Discount, i.Currency),
        new(i.Total, i.Currency),
        new(i.PrepaidApplied, i.Currency),
        new(i.CardCharged, i.Currency),
        new(i.AmountDue, i.Currency),
        i.PeriodStart,
        i.PeriodEnd,
        i.IssuedAt,
        i.PaidAt,
        new(creditNotes.Sum(c => c.Amount), i.Currency),
        creditNotes.Select(CreditNoteResponse.From).ToList(),
        i.DueDate ?? DateOnly.FromDateTime(i.IssuedAt.UtcDateTime),
        i.TaxRate,
        new(i.Tax, i.Currency),
        i.ReverseCharge,
        i.Language,
        InvoicePartyResponse.From(i.Issuer),
        InvoicePartyResponse.From(i.BillTo));
}
