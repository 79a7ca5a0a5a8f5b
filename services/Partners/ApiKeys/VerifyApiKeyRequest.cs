namespace Reseller.Partners.ApiKeys;

public sealed record VerifyApiKeyRequest(string? Key);
