namespace Reseller.Billing.Prepaid;

/// <summary>
/// A partner that has paid for prepaid credit at least once: only such a partner's charges ask Credits for a reservation.
/// One row per partner, written when its first prepaid-pack invoice is paid, so a charge looks it up by primary key.
/// </summary>
public sealed class PrepaidBuyer
{
    /// <summary>Records every partner that already paid for a prepaid pack (the migration that introduced the table runs it).</summary>
    public const string FromPaidPacksSql = """
        INSERT INTO prepaid_buyers (partner_id, first_paid_at)
        SELECT partner_id, min(coalesce(paid_at, issued_at)) FROM invoices
        WHERE purpose = 'credit_purchase' AND status = 'Paid' AND lines @> '[{"Code": "credits_prepaid"}]'::jsonb
        GROUP BY partner_id
        ON CONFLICT (partner_id) DO NOTHING;
        """;

    public Guid PartnerId { get; private set; }
    public DateTimeOffset FirstPaidAt { get; private set; }

    private PrepaidBuyer()
    {
    }
}
