namespace Reseller.Contracts.Partners;

/// <summary>
/// The internal answer to the gateway: which partner a live key acts for, and the short token Partners signed for it; or,
/// for a key of a suspended partner, that it is refused for that reason (no token).
/// </summary>
public sealed record ApiKeyVerification(Guid KeyId, Guid PartnerId, string AccessToken, DateTimeOffset ExpiresAt, bool PartnerSuspended = false)
{
    public static ApiKeyVerification Suspended(Guid keyId, Guid partnerId, DateTimeOffset now) => new(keyId, partnerId, "", now, PartnerSuspended: true);
}
