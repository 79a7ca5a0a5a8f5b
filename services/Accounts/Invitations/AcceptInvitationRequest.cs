namespace Reseller.Accounts.Invitations;

public sealed record AcceptInvitationRequest(string? Password);
