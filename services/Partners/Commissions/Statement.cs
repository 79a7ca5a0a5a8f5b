using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Commissions;

/// <summary>
/// A partner's commission statement for one calendar month (UTC): the earnings of that month, their total, and the
/// payout. <c>pending</c> → <c>paid</c> with a payout reference; <c>held</c> while the partner has no PayPal e-mail;
/// <c>processing</c> while a payout batch pays it, back to <c>pending</c> with the reason when that payout failed. A
/// statement that closed negative is what the partner owes back: the partner's next statement carries it into its total
/// (<c>carried_forward</c>), so a refund is never paid out as commission.
/// </summary>
public sealed class Statement
{
    public Guid Id { get; private set; }
    public Guid PartnerId { get; private set; }
    public DateOnly Month { get; private set; }
    /// <summary>The sum of its lines plus <see cref="CarriedIn"/>: what it pays out.</summary>
    public long Total { get; private set; }

    /// <summary>The negative totals of earlier statements this one nets (zero or less).</summary>
    public long CarriedIn { get; private set; }

    /// <summary>The statement that carried this one's negative total, once one did.</summary>
    public Guid? CarriedIntoId { get; private set; }
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

    /// <summary>
    /// The PayPal e-mail its payout batch pays, taken when the statement joined the batch: a batch sent again after a failed
    /// send pays the receivers it started with, whatever the partners changed since.
    /// </summary>
    public string? PayoutReceiver { get; private set; }

    public uint Version { get; private set; }

    private Statement()
    {
    }

    /// <summary>
    /// Closes a month: its lines, and the partner's earlier statements that closed negative and are still unpaid, in the
    /// same currency, whose totals it carries.
    /// </summary>
    public static Statement Close(Guid partnerId, DateOnly month, IReadOnlyCollection<Earning> lines, string currency, bool hasPaypal, DateTimeOffset now,
        IReadOnlyCollection<Statement>? owedBack = null)
    {
        var statement = new Statement
        {
            Id = Guid.CreateVersion7(),
            PartnerId = partnerId,
            Month = month,
            Currency = currency,
            LineCount = lines.Count,
            Status = hasPaypal ? StatementStatus.Pending : StatementStatus.Held,
            ClosedAt = now,
        };
        foreach (var earlier in owedBack ?? [])
        {
            earlier.CarryInto(statement);
        }
        statement.Total = lines.Sum(l => l.Amount) + statement.CarriedIn;
        return statement;
    }

    /// <summary>Whether a later statement of its partner must carry it: negative, not paid out or carried yet.</summary>
    public bool IsOwedBack => Total < 0 && Status is StatementStatus.Pending or StatementStatus.Held;

    private void CarryInto(Statement later)
    {
        if (!IsOwedBack || later.PartnerId != PartnerId || later.Currency != Currency || later.Month <= Month)
        {
            throw new InvalidOperationException($"Statement {Id} ({Status}, {Total} {Currency}) cannot be carried into {later.Id}.");
        }
        later.CarriedIn += Total;
        Status = StatementStatus.CarriedForward;
        CarriedIntoId = later.Id;
    }

    public void Release() => Status = Status == StatementStatus.Held ? StatementStatus.Pending : Status;

    public void Hold() => Status = Status == StatementStatus.Pending ? StatementStatus.Held : Status;

    /// <summary>
    /// Records a payout made outside a batch. Refused while <paramref name="anotherMonthOwedBack"/>: another month of the
    /// partner closed negative and is not carried yet, and a batch would leave this one waiting too.
    /// </summary>
    public void MarkPaid(string reference, DateTimeOffset now, bool anotherMonthOwedBack)
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
        if (Status == StatementStatus.CarriedForward)
        {
            throw ProblemException.Conflict("statement-carried-forward", "This statement closed negative and a later statement carried it; there is nothing to pay on it.");
        }
        if (Total < 0)
        {
            throw ProblemException.Conflict("statement-owed-back", "This statement closed negative: its credit notes took back more than it earned.",
                "The partner's next statement carries it; there is nothing to pay on this one.");
        }
        if (anotherMonthOwedBack)
        {
            throw ProblemException.Conflict("statement-waits-for-owed-back", "Another month of this partner closed negative and is owed back.",
                "Its credit notes took back commission already earned; this statement is paid once the partner's statements net positive again.");
        }
        Status = StatementStatus.Paid;
        PayoutReference = reference;
        PaidAt = now;
    }

    /// <summary>Joins a payout batch, to be paid to <paramref name="receiver"/>; only a pending statement can.</summary>
    public void StartPayout(Guid batchId, string receiver)
    {
        if (Status != StatementStatus.Pending)
        {
            throw new InvalidOperationException($"Statement {Id} is {Status}, not pending.");
        }
        Status = StatementStatus.Processing;
        PayoutBatchId = batchId;
        PayoutReceiver = receiver;
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
