namespace Reseller.Accounts.Invitations;

/// <summary>What the customer logs in with from now on (POST /api/v1/auth/account-token).</summary>
public sealed record AcceptedInvitationResponse(string Account, string Username);
