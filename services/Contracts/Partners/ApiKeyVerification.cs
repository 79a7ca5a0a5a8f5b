namespace Reseller.Contracts.Partners;

/// <summary>The internal answer to the gateway: which partner a live key acts for, and the short token Partners signed for it.</summary>
public sealed record ApiKeyVerification(Guid KeyId, Guid PartnerId, string AccessToken, DateTimeOffset ExpiresAt);
