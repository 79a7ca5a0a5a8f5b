namespace Reseller.Accounts.Invitations;

public enum InvitationStatus
{
    Invited,
    Accepted,
    Expired,
}
