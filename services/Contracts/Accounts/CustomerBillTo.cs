namespace Reseller.Contracts.Accounts;

/// <summary>Who a customer's invoices are addressed to, given when it takes over payment: address lines separated by '\n'.</summary>
public sealed record CustomerBillTo(string Name, string Address, string Country, string? VatId);
