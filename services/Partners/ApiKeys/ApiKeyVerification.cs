namespace Reseller.Partners.ApiKeys;

/// <summary>The internal answer to the gateway: which partner a live key acts for.</summary>
public sealed record ApiKeyVerification(Guid KeyId, Guid PartnerId);
