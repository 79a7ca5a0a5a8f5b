using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Users;

/// <summary>Keyset paging over UUIDv7 ids (creation order): the page token is the last id of the previous page.</summary>
public static class KeysetPage
{
    public static Guid? After(string prefix, string? pageToken) => pageToken is null
        ? null
        : PublicId.TryParse(prefix, pageToken, out var id) ? id : throw ValidationErrors.Reject("page_token", "page_token is not one this API gave.");

    public static Page<TResponse> From<TItem, TResponse>(List<TItem> items, int size, Func<TItem, Guid> id, string prefix, Func<TItem, TResponse> map) => new(
        items.Take(size).Select(map).ToList(),
        items.Count > size ? PublicId.Format(prefix, id(items[size - 1])) : null);
}
