using Microsoft.EntityFrameworkCore;

namespace Reseller.ServiceDefaults.Data;

/// <summary>
/// Runs a unit of work again, on fresh state, when another writer saved one of its rows between its read and its save (a
/// message consumer following the same account, say). Only for work whose every effect goes through the given <c>db</c>
/// or may safely repeat (a provider call under the same idempotency key): nothing else may be written before the save.
/// </summary>
public static class ConcurrentChange
{
    private const int Attempts = 3;

    public static async Task<T> RetryAsync<T>(DbContext db, Func<Task<T>> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
