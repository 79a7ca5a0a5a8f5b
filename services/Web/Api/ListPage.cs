namespace Reseller.Web.Api;

/// <summary>One page of a list: its items and the token of the next page, if any.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Data, string? NextPageToken);
