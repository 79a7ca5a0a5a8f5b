using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Reseller.ServiceDefaults.Data;

/// <summary>
/// Runs a command again, on fresh state, when a message consumer saved the same row between the command's read and its
/// save. Without it a partner's request fails with 409 concurrent-change only because, say, Billing's "invoice paid" for
/// the same account arrived in that instant. Only for handlers whose every effect goes through <typeparamref name="TDb"/>
/// (reads elsewhere may repeat; nothing outside the database may be written before the save).
/// </summary>
public sealed class ConcurrentChangeRetry<TDb>(TDb db) : IEndpointFilter where TDb : DbContext
{
    private const int Attempts = 3;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(context);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
