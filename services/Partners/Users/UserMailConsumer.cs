using MassTransit;

using Reseller.Contracts.Partners;
using Reseller.ServiceDefaults.Mail;

namespace Reseller.Partners.Users;

/// <summary>E-mails invitation and password-reset links once the request that made them has committed.</summary>
public sealed class UserMailConsumer(IMailSender mail, DashboardLinks links) : IConsumer<PartnerUserInvited>, IConsumer<PartnerPasswordResetRequested>
{
    public Task Consume(ConsumeContext<PartnerUserInvited> context) => mail.SendAsync(new OutgoingMail(
        context.Message.Email,
        "You are invited to your agency's reseller dashboard",
        $"""
        You were invited as {context.Message.Role}. Choose your password here (valid until {context.Message.ExpiresAt:yyyy-MM-dd HH:mm} UTC):
        {links.Invitation(context.Message.Token)}
        """), context.CancellationToken);

    public Task Consume(ConsumeContext<PartnerPasswordResetRequested> context) => mail.SendAsync(new OutgoingMail(
        context.Message.Email,
        "Reset your password",
        $"""
        Someone asked to reset the password of this dashboard login. If it was you, choose a new one here (valid for one hour, once):
        {links.PasswordReset(context.Message.Token)}
        If it was not you, ignore this e-mail.
        """), context.CancellationToken);
}
