using MassTransit;

using Reseller.Accounts.Data;
using Reseller.ServiceDefaults.Mail;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Accounts.Mail;

/// <summary>Sends the mail a committed change asked for; a failed send is retried with the message.</summary>
public sealed class AccountMailConsumer(AccountsDb db, IMailSender mail, ILogger<AccountMailConsumer> logger) : IConsumer<AccountMailRequested>
{
    public async Task Consume(ConsumeContext<AccountMailRequested> context)
    {
        var message = context.Message;
        await db.ConsumeOnceAsync(context, nameof(AccountMailConsumer), async ct =>
        {
            await mail.SendAsync(new OutgoingMail(message.To, message.Subject, message.TextBody), ct);
            logger.LogInformation("Mail \"{Subject}\" sent for account {AccountId}", message.Subject, message.AccountId);
        });
    }
}
