namespace Reseller.Web.Api;

/// <summary>A correction of a paid invoice: part of its total credited back.</summary>
public sealed record CreditNote(string Id, string Number, string InvoiceId, Money Amount, string Reason, DateTimeOffset IssuedAt);
