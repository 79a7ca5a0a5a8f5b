namespace Reseller.Web.Api;

/// <summary>A partner as the operator sees it (GET /api/v1/admin/partners).</summary>
public sealed record OperatorPartner(string Id, string Name, string Email, string Country, string Currency, string? PaypalEmail,
    DateTimeOffset CreatedAt, string Status, DateTimeOffset? SuspendedAt);
