namespace Reseller.Gateway.ApiKeys;

/// <summary>Partners' answer for a live API key (its internal verify endpoint): the key's partner and a short token Partners signed for it.</summary>
public sealed record ApiKeyIdentity(Guid KeyId, Guid PartnerId, string AccessToken, DateTimeOffset ExpiresAt);
