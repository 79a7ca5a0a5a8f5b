namespace Reseller.Accounts.Invitations;

public sealed record InviteRequest(string? Name, string? Email, string? Domain, string? Organization);
