namespace Reseller.Web.Api;

public sealed record CreditNote(string Id, string Number, string InvoiceId, Money Amount, string Reason, DateTimeOffset IssuedAt);
