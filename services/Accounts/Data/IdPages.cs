using Microsoft.EntityFrameworkCore;

using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Data;

/// <summary>Keyset pages of an account's rows (users, invitations, snapshots, audit), the page token being the last id.</summary>
public static class IdPages
{
    public static async Task<Page<TResponse>> ReadAsync<TRow, TResponse>(
        IQueryable<TRow> rows,
        int? pageSize,
        string? pageToken,
        bool newestFirst,
        Func<TRow, TResponse> respond,
        CancellationToken cancellationToken)
        where TRow : class, IListedById
    {
        var size = PageSize.From(pageSize);
        if (pageToken is not null)
        {
            var last = Guid.TryParseExact(pageToken, "N", out var parsed)
                ? parsed
                : throw ValidationErrors.Reject("page_token", "page_token is not one this list gave.");
            rows = newestFirst ? rows.Where(r => r.Id < last) : rows.Where(r => r.Id > last);
        }
        var ordered = newestFirst ? rows.OrderByDescending(r => r.Id) : rows.OrderBy(r => r.Id);
        var found = await ordered.Take(size + 1).ToListAsync(cancellationToken);
        var next = found.Count > size ? found[size - 1].Id.ToString("N") : null;
        return new Page<TResponse>(found.Take(size).Select(respond).ToList(), next);
    }
}
