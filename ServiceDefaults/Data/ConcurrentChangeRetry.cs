using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Reseller.ServiceDefaults.Data;

/// <summary>
/// An endpoint's command run again (<see cref="ConcurrentChange"/>) when a message consumer saved the same row between the
/// command's read and its save. Without it a partner's request fails with 409 concurrent-change only because, say, Billing's
/// "invoice paid" for the same account arrived in that instant. Only for handlers whose every effect goes through
/// <typeparamref name="TDb"/> (reads elsewhere may repeat; nothing outside the database may be written before the save).
/// </summary>
public sealed class ConcurrentChangeRetry<TDb>(TDb db) : IEndpointFilter where TDb : DbContext
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await ConcurrentChange.RetryAsync(db, async () => await next(context));
}
