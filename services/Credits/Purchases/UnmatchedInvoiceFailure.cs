namespace Reseller.Credits.Purchases;

/// <summary>
/// A refused charge of a credit-pack invoice that no purchase is linked to yet: Billing announces the failure while the
/// purchase request is still waiting for Billing's answer (which carries the invoice id). Linking the invoice applies it.
/// </summary>
public sealed class UnmatchedInvoiceFailure
{
    public Guid InvoiceId { get; private set; }
    public Guid PartnerId { get; private set; }
    public string FailureCode { get; private set; } = "";
    public DateTimeOffset FailedAt { get; private set; }

    private UnmatchedInvoiceFailure()
    {
    }

    public static UnmatchedInvoiceFailure Record(Guid invoiceId, Guid partnerId, string failureCode, DateTimeOffset failedAt) => new()
    {
        InvoiceId = invoiceId,
        PartnerId = partnerId,
        FailureCode = failureCode,
        FailedAt = failedAt,
    };

    public void Again(string failureCode, DateTimeOffset failedAt)
    {
        if (failedAt >= FailedAt)
        {
            FailureCode = failureCode;
            FailedAt = failedAt;
        }
    }
}
