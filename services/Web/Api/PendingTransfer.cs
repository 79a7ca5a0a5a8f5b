namespace Reseller.Web.Api;

/// <summary>A move-in into the agency waiting for the account owner's confirmation.</summary>
public sealed record PendingTransfer(string AccountId, string AccountName, string OwnerEmail, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt);
