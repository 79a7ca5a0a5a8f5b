namespace Reseller.Web.Api;

/// <summary>A move-in waiting for the owner's confirmation (mailed to <see cref="OwnerEmail"/>).</summary>
public sealed record PendingTransferIn(OperatorAccount Account, string PendingPartnerId, string OwnerEmail, DateTimeOffset ExpiresAt);
