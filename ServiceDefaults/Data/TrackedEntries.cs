using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Reseller.ServiceDefaults.Data;

/// <summary>
/// Reads what a unit of work tracks without comparing every tracked entity with its snapshot first, as
/// <see cref="ChangeTracker.Entries{TEntity}"/> does on each call: the interceptors and recorders that run at every
/// SaveChanges made that comparison five or six times a save (9 % of Billing's CPU samples in a renewal run, 4.5 % after).
/// </summary>
public static class TrackedEntries
{
    /// <summary>Whether an entity of this type was added through its DbSet (so tracked at once) and is not yet saved.</summary>
    public static bool HasAdded<TEntity>(this ChangeTracker tracker) where TEntity : class =>
        WithoutDetecting(tracker, t => t.Entries<TEntity>().Any(e => e.State == EntityState.Added));

    /// <summary>Runs <paramref name="work"/> with automatic change detection off, and restores the setting after it.</summary>
    public static void WithoutDetecting(this ChangeTracker tracker, Action work) =>
        WithoutDetecting(tracker, _ =>
        {
            work();
            return true;
        });

    private static T WithoutDetecting<T>(this ChangeTracker tracker, Func<ChangeTracker, T> read)
    {
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return read(tracker);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }
}
