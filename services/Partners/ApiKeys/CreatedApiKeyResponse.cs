namespace Reseller.Partners.ApiKeys;

/// <summary>The only answer that ever shows the key itself.</summary>
public sealed record CreatedApiKeyResponse(string Id, string Name, string Prefix, string Key, DateTimeOffset CreatedAt);
