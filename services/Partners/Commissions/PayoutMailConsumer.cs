using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Partners;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Mail;

namespace Reseller.Partners.Commissions;

/// <summary>Tells the partner its statement was paid out, after the payout committed.</summary>
public sealed class PayoutMailConsumer(PartnersDb db, IMailSender mail) : IConsumer<CommissionStatementPaid>
{
    public async Task Consume(ConsumeContext<CommissionStatementPaid> context)
    {
        var paid = context.Message;
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paid.PartnerId, context.CancellationToken);
        if (partner is null)
        {
            return;
        }
        var month = CommissionMonth.Format(paid.Month);
        await mail.SendAsync(new OutgoingMail(
            partner.Email,
            $"Commission statement {month} paid",
            $"""
            Your commission statement for {month} was paid out: {paid.Total / 100m:0.00} {paid.Currency} to {paid.PaypalEmail}.
            Payout reference: {paid.PayoutReference}.
            """), context.CancellationToken);
    }
}
