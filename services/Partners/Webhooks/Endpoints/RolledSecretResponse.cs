namespace Reseller.Partners.Webhooks.Endpoints;

public sealed record RolledSecretResponse(string Secret, DateTimeOffset PreviousSecretExpiresAt);
