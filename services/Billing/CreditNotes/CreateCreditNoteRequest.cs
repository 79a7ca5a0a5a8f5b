namespace Reseller.Billing.CreditNotes;

/// <summary>An operator's correction: the amount in the invoice's minor units and why.</summary>
public sealed record CreateCreditNoteRequest(long? Amount, string? Reason);
