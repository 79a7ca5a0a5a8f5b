using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Commissions;

/// <summary>
/// A partner's commission statement for one calendar month (UTC): the earnings of that month, their total, and the
/// payout. <c>pending</c> → <c>paid</c> with a payout reference; <c>held</c> while the partner has no PayPal e-mail;
/// <c>processing</c> while a payout batch pays it, back to <c>pending</c> with the reason when that payout failed.
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

    /// <summary>The payout batch paying it (its id is the provider's <c>sender_batch_id</c>), while processing.</summary>
    public Guid? PayoutBatchId { get; private set; }

    /// <summary>The provider's id of that batch, once it answered; null while the batch is still to be (re)sent.</summary>
    public string? ProviderBatchId { get; private set; }

    /// <summary>Why the last payout failed (failed, unclaimed...); cleared by the next payout.</summary>
    public string? PayoutFailure { get; private set; }
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
        if (Status == StatementStatus.Processing)
        {
            throw ProblemException.Conflict("statement-payout-in-progress", "A payout batch is paying this statement; wait for its outcome.");
        }
        Status = StatementStatus.Paid;
        PayoutReference = reference;
        PaidAt = now;
    }

    /// <summary>Joins a payout batch; only a pending statement can.</summary>
    public void StartPayout(Guid batchId)
    {
        if (Status != StatementStatus.Pending)
        {
            throw new InvalidOperationException($"Statement {Id} is {Status}, not pending.");
        }
        Status = StatementStatus.Processing;
        PayoutBatchId = batchId;
        ProviderBatchId = null;
        PayoutFailure = null;
    }

    public void PayoutSent(string providerBatchId) => ProviderBatchId = providerBatchId;

    /// <summary>The provider reports the item succeeded: paid, the provider's item id as payout reference.</summary>
    public void PayoutSucceeded(string reference, DateTimeOffset now)
    {
        Status = StatementStatus.Paid;
        PayoutReference = reference;
        PaidAt = now;
    }

    /// <summary>The provider reports the item failed or unclaimed: pending again, to pay in a later batch.</summary>
    public void PayoutFailed(string reason)
    {
        Status = StatementStatus.Pending;
        PayoutFailure = reason.Length > 500 ? reason[..500] : reason;
        PayoutBatchId = null;
        ProviderBatchId = null;
    }
}
