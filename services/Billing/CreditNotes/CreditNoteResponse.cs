using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Billing.CreditNotes;

public sealed record CreditNoteResponse(string Id, string Number, string InvoiceId, MoneyAmount Amount, string Reason, DateTimeOffset IssuedAt, MoneyAmount CardRefund, MoneyAmount PrepaidReturn)
{
    public const string IdPrefix = "cn";

    public static CreditNoteResponse From(CreditNote c) =>
        new(PublicId.Format(IdPrefix, c.Id), c.Number, PublicId.Format(Invoices.InvoiceResponse.IdPrefix, c.InvoiceId), new(c.Amount, c.Currency), c.Reason, c.IssuedAt, new(c.CardRefund, c.Currency),
            new(c.PrepaidReturn, c.Currency));
}
