using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Credits;
using Reseller.Credits.Data;
using Reseller.Credits.FollowedAccounts;
using Reseller.Credits.Ledger;

namespace Reseller.Credits.Prepaid;

/// <summary>
/// Holds, spends and gives back prepaid credit for Billing's charges. The reservation id is the key: the first request
/// creates the row and takes the credit (earmarked first, then general); a repeated request finds the row and answers what
/// it still holds (0 once released), restarting a hold still open.
/// </summary>
public sealed class PrepaidReservations(CreditsDb db, CreditLedger ledger, TimeProvider clock)
{
    public async Task<long> ReserveAsync(ReservePrepaidCredit request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expires = now + PrepaidReservation.HoldFor;
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO prepaid_reservations (id, partner_id, account_id, invoice_id, requested, earmarked, general, status, created_at, expires_at)
            VALUES ({request.ReservationId}, {request.PartnerId}, {request.AccountId}::uuid, {request.InvoiceId}, {request.Amount}, 0, 0, 'Held', {now}, {expires})
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken);
        var reservation = await LockAsync(request.ReservationId, cancellationToken);
        if (created == 1 && request.Amount > 0)
        {
            var reference = $"invoice:{request.InvoiceId:N}";
            var earmarked = request.AccountId is { } accountId
                ? await ledger.DebitUpToAsync(request.PartnerId, accountId, CreditKind.Prepaid, EntryTypes.Reservation, request.Amount, reference, cancellationToken)
                : 0;
            var general = await ledger.DebitUpToAsync(request.PartnerId, null, CreditKind.Prepaid, EntryTypes.Reservation, request.Amount - earmarked, reference, cancellationToken);
            reservation.Hold(earmarked, general);
        }
        else if (created == 0 && reservation.WasReleased && reservation.Requested > 0)
        {
            await HoldAgainAsync(reservation, now, cancellationToken);
        }
        else if (created == 0)
        {
            reservation.Renew(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return reservation.Amount;
    }

    /// <summary>
    /// Billing asks again for a reservation the sweeper released: its charge took longer than the hold (a card payment
    /// processing, a lost answer retried) and is about to record the same prepaid part. The whole part is held again if the
    /// holders still have it (earmarked first, then general), or nothing is (Billing then refunds the card part and the
    /// invoice stays open), so an invoice is never recorded as paid by credit the partner spent meanwhile.
    /// </summary>
    private async Task HoldAgainAsync(PrepaidReservation reservation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var whole = reservation.Earmarked + reservation.General;
        var earmarkedBalance = reservation.AccountId is { } accountId
            ? await ledger.BalanceForUpdateAsync(reservation.PartnerId, accountId, CreditKind.Prepaid, cancellationToken)
            : 0;
        var earmarked = Math.Min(earmarkedBalance, whole);
        var general = whole - earmarked;
        if (whole == 0 || await ledger.BalanceForUpdateAsync(reservation.PartnerId, null, CreditKind.Prepaid, cancellationToken) < general)
        {
            return;
        }
        var reference = $"invoice:{reservation.InvoiceId:N}";
        if (earmarked > 0)
        {
            await ledger.TryDebitAsync(reservation.PartnerId, reservation.AccountId, CreditKind.Prepaid, EntryTypes.Reservation, earmarked, reference, cancellationToken);
        }
        if (general > 0)
        {
            await ledger.TryDebitAsync(reservation.PartnerId, null, CreditKind.Prepaid, EntryTypes.Reservation, general, reference, cancellationToken);
        }
        reservation.HoldAgain(earmarked, general, now);
    }

    /// <summary>
    /// Spends a held reservation. One the sweeper released too early (Billing's commit came after 15 minutes) takes the
    /// credit again, from the same holders, as far as their balances allow. Call inside a transaction.
    /// </summary>
    public async Task<long> CommitAsync(Guid reservationId, long amount, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var reservation = await db.Reservations.FromSql($"SELECT * FROM prepaid_reservations WHERE id = {reservationId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (reservation is null)
        {
            return 0;
        }
        if (reservation.Commit(now))
        {
            await db.SaveChangesAsync(cancellationToken);
            return reservation.Amount;
        }
        if (!reservation.WasReleased || reservation.Requested == 0)
        {
            return reservation.Status == ReservationStatus.Committed ? reservation.Amount : 0;
        }
        var reference = $"invoice:{reservation.InvoiceId:N}";
        var earmarked = reservation.AccountId is { } accountId && reservation.Earmarked > 0
            ? await ledger.DebitUpToAsync(reservation.PartnerId, accountId, CreditKind.Prepaid, EntryTypes.Reservation, Math.Min(reservation.Earmarked, amount), reference, cancellationToken)
            : 0;
        var general = await ledger.DebitUpToAsync(reservation.PartnerId, null, CreditKind.Prepaid, EntryTypes.Reservation, amount - earmarked, reference, cancellationToken);
        reservation.CommitAfterRelease(earmarked, general, now);
        await db.SaveChangesAsync(cancellationToken);
        return earmarked + general;
    }

    /// <summary>Gives a held reservation back; a release for a reservation not seen yet leaves a released row, so it never holds.
    /// Call inside a transaction.</summary>
    public Task<bool> ReleaseAsync(Guid reservationId, Guid partnerId, CancellationToken cancellationToken) =>
        ReleaseAsync(reservationId, partnerId, expiredBy: null, cancellationToken);

    /// <summary>
    /// The sweeper's release: only while the hold is still expired at <paramref name="now"/>, read under the row lock (Billing
    /// may have renewed it since the sweeper listed it). Call inside a transaction.
    /// </summary>
    public Task<bool> ReleaseExpiredAsync(Guid reservationId, Guid partnerId, DateTimeOffset now, CancellationToken cancellationToken) =>
        ReleaseAsync(reservationId, partnerId, expiredBy: now, cancellationToken);

    private async Task<bool> ReleaseAsync(Guid reservationId, Guid partnerId, DateTimeOffset? expiredBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO prepaid_reservations (id, partner_id, account_id, invoice_id, requested, earmarked, general, status, created_at, expires_at, closed_at)
            VALUES ({reservationId}, {partnerId}, NULL, {Guid.Empty}, 0, 0, 0, 'Released', {now}, {now}, {now})
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken);
        var reservation = await LockAsync(reservationId, cancellationToken);
        if (expiredBy is { } at && reservation.ExpiresAt > at)
        {
            return false;
        }
        if (!reservation.Release(now))
        {
            return false;
        }
        var reference = $"invoice:{reservation.InvoiceId:N}";
        if (reservation.Earmarked > 0)
        {
            // Back to the earmark, unless the account left the partner while it was held: then to the partner's general credit.
            var holder = reservation.AccountId is { } accountId ? await db.PartnerCreditHolderAsync(reservation.PartnerId, accountId, cancellationToken) : null;
            await ledger.CreditAsync(reservation.PartnerId, holder, CreditKind.Prepaid, EntryTypes.Release, reservation.Earmarked, reference, cancellationToken);
        }
        if (reservation.General > 0)
        {
            await ledger.CreditAsync(reservation.PartnerId, null, CreditKind.Prepaid, EntryTypes.Release, reservation.General, reference, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<PrepaidReservation> LockAsync(Guid reservationId, CancellationToken cancellationToken) =>
        await db.Reservations.FromSql($"SELECT * FROM prepaid_reservations WHERE id = {reservationId} FOR UPDATE").SingleAsync(cancellationToken);
}
