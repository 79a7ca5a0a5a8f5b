using System.ComponentModel;
using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore;

namespace Reseller.ServiceDefaults.Http;

/// <summary>
/// Keyset paging, the one way every list pages: rows are ordered by their sort key and then by a unique key that breaks
/// ties, a page token is the last row's position (<see cref="PageCursor"/>), and the next page starts strictly after it,
/// so a page costs the same wherever it starts and rows added meanwhile are neither skipped nor repeated.
/// </summary>
public static class KeysetPage
{
    /// <summary>A page ordered by a unique key alone (a UUIDv7 id or a sequence: creation order).</summary>
    public static Task<Page<TResponse>> ReadAsync<TRow, TKey, TResponse>(
        IQueryable<TRow> rows,
        Expression<Func<TRow, TKey>> key,
        ListSortDirection direction,
        int? pageSize,
        string? pageToken,
        Func<TRow, TResponse> respond,
        CancellationToken cancellationToken) =>
        ReadAsync(new Keyset<TRow>(direction, key), rows, pageSize, pageToken, respond, cancellationToken);

    /// <summary>A page ordered by a sort key that may repeat, ties broken by a unique key.</summary>
    public static Task<Page<TResponse>> ReadAsync<TRow, TSort, TKey, TResponse>(
        IQueryable<TRow> rows,
        Expression<Func<TRow, TSort>> sort,
        Expression<Func<TRow, TKey>> tieBreaker,
        ListSortDirection direction,
        int? pageSize,
        string? pageToken,
        Func<TRow, TResponse> respond,
        CancellationToken cancellationToken) =>
        ReadAsync(new Keyset<TRow>(direction, sort, tieBreaker), rows, pageSize, pageToken, respond, cancellationToken);

    /// <summary>
    /// The rows of a page as fetched (one more than the page size, to know whether another page follows) cut to the
    /// page, with the token of the next one.
    /// </summary>
    public static Page<TResponse> Cut<TRow, TPosition, TResponse>(
        IReadOnlyList<TRow> fetched, int size, Func<TRow, TPosition> position, Func<TRow, TResponse> respond) => new(
        fetched.Take(size).Select(respond).ToList(),
        fetched.Count > size ? PageCursor.Encode(position(fetched[size - 1])) : null);

    private static async Task<Page<TResponse>> ReadAsync<TRow, TResponse>(
        Keyset<TRow> keyset, IQueryable<TRow> rows, int? pageSize, string? pageToken, Func<TRow, TResponse> respond, CancellationToken cancellationToken)
    {
        var size = PageSize.From(pageSize);
        var after = keyset.After(pageToken);
        var fetched = await keyset.Seek(rows, after).Take(size + 1).ToListAsync(cancellationToken);
        return Cut(fetched, size, keyset.PositionOf, respond);
    }
}
