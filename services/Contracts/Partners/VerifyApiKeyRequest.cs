namespace Reseller.Contracts.Partners;

/// <summary>The gateway asks Partners (its internal verify endpoint) whether an API key is live; the key is the credential.</summary>
public sealed record VerifyApiKeyRequest(string? Key);
