namespace Reseller.Billing.Invoices;

public sealed class InvoiceNumberSequence
{
    public string Issuer { get; private set; } = "";
    public int Year { get; private set; }
    public long LastNumber { get; private set; }

    /// <summary>When the series' last number was issued: a later number is never dated before it.</summary>
    public DateTimeOffset? LastIssuedAt { get; private set; }
}
