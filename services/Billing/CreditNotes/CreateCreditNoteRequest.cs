using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.CreditNotes;

/// <summary>An operator's correction: the amount in the invoice's minor units and why.</summary>
public sealed record CreateCreditNoteRequest(long? Amount, string? Reason) : IValidatedRequest
{
    public const int MaxReasonLength = 500;

    public void Validate(ValidationErrors errors) => errors
        .When(Amount is null or <= 0, "amount", "amount must be a positive whole number of minor units.")
        .RequireText("reason", Reason, MaxReasonLength);
}
