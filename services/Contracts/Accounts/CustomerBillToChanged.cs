namespace Reseller.Contracts.Accounts;

/// <summary>
/// A customer that already pays for its account gave (or corrected) who its invoices are addressed to: name, address,
/// country and VAT id, which decide the tax of its next invoices. A customer taking over paying gives it in PayerChanged.
/// </summary>
public sealed record CustomerBillToChanged(Guid AccountId, Guid PartnerId, CustomerBillTo BillTo, DateTimeOffset ChangedAt);
