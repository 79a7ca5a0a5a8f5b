using Reseller.ServiceDefaults.Links;
using Reseller.ServiceDefaults.Mail;

namespace Reseller.Partners.Users;

/// <summary>The invitation and password-reset mails; each carries its link's one-time secret, so it goes through the mail outbox only.</summary>
public sealed class UserMails(DashboardLinks links)
{
    public OutgoingMail Invitation(PartnerUser invited, string secret, DateTimeOffset expiresAt) => new(
        invited.Email,
        "You are invited to your agency's reseller dashboard",
        $"""
        You were invited as {invited.Role}. Choose your password here (valid until {expiresAt:yyyy-MM-dd HH:mm} UTC):
        {links.PartnerInvitation(secret)}
        """);

    public OutgoingMail PasswordReset(string email, string secret) => new(
        email,
        "Reset your password",
        $"""
        Someone asked to reset the password of this dashboard login. If it was you, choose a new one here (valid for one hour, once):
        {links.PartnerPasswordReset(secret)}
        If it was not you, ignore this e-mail.
        """);
}
