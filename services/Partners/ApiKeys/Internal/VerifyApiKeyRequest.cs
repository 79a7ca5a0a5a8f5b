namespace Reseller.Partners.ApiKeys.Internal;

public sealed record VerifyApiKeyRequest(string? Key);
