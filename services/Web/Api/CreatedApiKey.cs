namespace Reseller.Web.Api;

/// <summary>The only answer that shows a key itself.</summary>
public sealed record CreatedApiKey(string Id, string Name, string Prefix, string Key, DateTimeOffset CreatedAt);
