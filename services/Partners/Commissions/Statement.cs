using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Commissions;

/// <summary>
/// A partner's commission statement for one calendar month (UTC): the earnings of that month, their total, and the
/// payout. <c>pending</c> → <c>paid</c> with a payout reference; <c>held</c> while the partner has no PayPal e-mail.
/// </summary>
public sealed class Statement
{
    public Guid Id { get; private set; }
    public Guid PartnerId { get; private set; }
    public DateOnly Month { get; private set; }
    public long Total { get; private set; }
    public string Currency { get; private set; } = "";
    public int LineCount { get; private set; }
    public string Status { get; private set; } = StatementStatus.Pending;
    public string? PayoutReference { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public DateTimeOffset ClosedAt { get; private set; }
    public uint Version { get; private set; }

    private Statement()
    {
    }

    public static Statement Close(Guid partnerId, DateOnly month, IReadOnlyCollection<Earning> lines, string currency, bool hasPaypal, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnerId = partnerId,
        Month = month,
        Total = lines.Sum(l => l.Amount),
        Currency = currency,
        LineCount = lines.Count,
        Status = hasPaypal ? StatementStatus.Pending : StatementStatus.Held,
        ClosedAt = now,
    };

    public void Release() => Status = Status == StatementStatus.Held ? StatementStatus.Pending : Status;

    public void Hold() => Status = Status == StatementStatus.Pending ? StatementStatus.Held : Status;

    public void MarkPaid(string reference, DateTimeOffset now)
    {
        if (Status == StatementStatus.Paid)
        {
            throw ProblemException.Conflict("statement-already-paid", "This statement is already paid.", $"Paid with reference {PayoutReference}.");
        }
        if (Status == StatementStatus.Held)
        {
            throw ProblemException.Conflict("statement-held", "This statement is held: the partner has no PayPal e-mail for payouts.");
        }
        Status = StatementStatus.Paid;
        PayoutReference = reference;
        PaidAt = now;
    }
}
