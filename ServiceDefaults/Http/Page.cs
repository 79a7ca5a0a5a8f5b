namespace Reseller.ServiceDefaults.Http;

/// <summary>A page of a list, as docs/api.md fixes it: data plus an opaque token for the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Data, string? NextPageToken);
