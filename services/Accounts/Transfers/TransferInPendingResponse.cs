namespace Reseller.Accounts.Transfers;

/// <summary>The operator's move-in request, waiting for the owner's confirmation (mailed to <c>owner_email</c>).</summary>
public sealed record TransferInPendingResponse(OperatorAccountResponse Account, string PendingPartnerId, string OwnerEmail, DateTimeOffset ExpiresAt);
