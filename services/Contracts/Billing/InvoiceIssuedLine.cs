namespace Reseller.Contracts.Billing;

/// <summary>One line of an issued invoice, amounts in minor units of the invoice's currency.</summary>
public sealed record InvoiceIssuedLine(string Code, string Description, long Quantity, long UnitAmount, long Amount, long Discount, long Total);
