namespace Reseller.Credits.Prepaid;

/// <summary>
/// Prepaid credit held for one invoice charge: what was taken from the account's earmarked credit and from the general pool.
/// Held until Billing commits it (spent) or releases it (given back), or until it expires and the sweeper releases it.
/// </summary>
public sealed class PrepaidReservation
{
    public static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(15);

    public Guid Id { get; private set; }
    public Guid PartnerId { get; private set; }
    public Guid? AccountId { get; private set; }
    public Guid InvoiceId { get; private set; }
    public long Requested { get; private set; }
    public long Earmarked { get; private set; }
    public long General { get; private set; }
    public ReservationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    private PrepaidReservation()
    {
    }

    public long Amount => Status == ReservationStatus.Released ? 0 : Earmarked + General;

    public void Hold(long earmarked, long general)
    {
        Earmarked = earmarked;
        General = general;
    }

    /// <summary>
    /// Billing asked again for a reservation it still holds (its charge is taking long: a card payment processing, a lost
    /// answer retried): the hold restarts, so the sweeper does not give back credit a charge about to succeed will spend.
    /// </summary>
    public void Renew(DateTimeOffset now)
    {
        if (Status == ReservationStatus.Held)
        {
            ExpiresAt = now + HoldFor;
        }
    }

    /// <summary>Held again after the sweeper released it (see PrepaidReservations), for the same whole part, the hold restarted.</summary>
    public void HoldAgain(long earmarked, long general, DateTimeOffset now)
    {
        if (Status != ReservationStatus.Released)
        {
            throw new InvalidOperationException($"Reservation {Id} is {Status}, not released.");
        }
        Earmarked = earmarked;
        General = general;
        Status = ReservationStatus.Held;
        ExpiresAt = now + HoldFor;
        ClosedAt = null;
    }

    /// <summary>Spends the reservation; false when it was not held (already committed, or released by the sweeper).</summary>
    public bool Commit(DateTimeOffset now)
    {
        if (Status != ReservationStatus.Held)
        {
            return false;
        }
        Status = ReservationStatus.Committed;
        ClosedAt = now;
        return true;
    }

    /// <summary>
    /// Billing used credit that the sweeper had already given back (a commit later than 15 minutes): what could be taken
    /// again is recorded as spent, so the books match the invoice as far as the balances allow.
    /// </summary>
    public void CommitAfterRelease(long earmarked, long general, DateTimeOffset now)
    {
        Earmarked = earmarked;
        General = general;
        Status = ReservationStatus.Committed;
        ClosedAt = now;
    }

    public bool WasReleased => Status == ReservationStatus.Released;

    /// <summary>Closes a held reservation as released; false when it was already closed, so nothing is given back twice.</summary>
    public bool Release(DateTimeOffset now)
    {
        if (Status != ReservationStatus.Held)
        {
            return false;
        }
        Status = ReservationStatus.Released;
        ClosedAt = now;
        return true;
    }
}
