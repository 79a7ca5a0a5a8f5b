namespace Reseller.Gateway.ApiKeys;

/// <summary>Partners' answer for a live API key (its internal verify endpoint).</summary>
public sealed record ApiKeyIdentity(Guid KeyId, Guid PartnerId);
