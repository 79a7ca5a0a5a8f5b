namespace Reseller.Billing.Invoices.Documents;

/// <summary>A credit note as its invoice lists it.</summary>
public sealed record DocumentCreditNote(string Number, DateOnly IssueDate, long Amount, string Reason);
