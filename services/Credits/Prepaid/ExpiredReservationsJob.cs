using Microsoft.EntityFrameworkCore;

using Reseller.Credits.Data;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Credits.Prepaid;

/// <summary>
/// Releases prepaid reservations that Billing neither committed, released nor asked for again within 15 minutes (a crash,
/// a lost reply).
/// </summary>
public sealed class ExpiredReservationsJob(CreditsDb db, PrepaidReservations reservations) : IDueJob
{
    private const int BatchSize = 100;

    public string Name => "expired_prepaid_reservations";

    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = await db.Reservations.AsNoTracking()
            .Where(r => r.Status == ReservationStatus.Held && r.ExpiresAt <= now)
            .OrderBy(r => r.ExpiresAt)
            .Select(r => new { r.Id, r.PartnerId })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var released = 0;
        foreach (var reservation in expired)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await reservations.ReleaseExpiredAsync(reservation.Id, reservation.PartnerId, now, cancellationToken))
            {
                released++;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return released;
    }
}
