using MassTransit;

using Reseller.Contracts.Accounts;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Mail;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.Accounts;

/// <summary>Follows the payer of an account and tells the partner of every switch by e-mail (DOMAIN.md "Billing").</summary>
public sealed class PartnerPayerChangedConsumer(PartnersDb db, IMailSender mail) : IConsumer<PayerChanged>
{
    public async Task Consume(ConsumeContext<PayerChanged> context)
    {
        var changed = context.Message;
        await db.ConsumeOnceAsync(context, nameof(PartnerPayerChangedConsumer), async ct =>
            (await db.FollowAsync(changed.AccountId, changed.PartnerId, ct)).PayerChanged(changed));
        // After the commit, on every delivery: a failed send is retried with the message; a redelivery may send it twice.
        await mail.SendAsync(PayerSwitchMail.For(changed), context.CancellationToken);
    }
}
