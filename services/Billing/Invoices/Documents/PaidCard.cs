namespace Reseller.Billing.Invoices.Documents;

/// <summary>The card that settled an invoice, as the payer knows it.</summary>
public sealed record PaidCard(string Brand, string Last4);
