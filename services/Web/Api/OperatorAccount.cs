namespace Reseller.Web.Api;

/// <summary>Any account as the operator sees it: the partner's view plus who holds it.</summary>
public sealed record OperatorAccount(Account Account, string? PartnerId, string? FormerPartnerId, string? OwnerEmail);
