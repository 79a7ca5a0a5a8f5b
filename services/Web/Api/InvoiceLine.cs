namespace Reseller.Web.Api;

/// <summary>One billed item of an invoice: its quantity and unit price, its amount before discount, and what it adds up to.</summary>
public sealed record InvoiceLine(string Code, string Description, long Quantity, Money UnitAmount, Money Amount, Money Discount, Money Total);
