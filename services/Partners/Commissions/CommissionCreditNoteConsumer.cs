using MassTransit;

using Reseller.Contracts.Billing;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.Commissions;

/// <summary>A credit note on an invoice that earned takes back the same share of the earning.</summary>
public sealed class CommissionCreditNoteConsumer(PartnersDb db, CommissionLedger ledger) : IConsumer<CreditNoteIssued>
{
    public Task Consume(ConsumeContext<CreditNoteIssued> context) =>
        db.ConsumeOnceAsync(context, nameof(CommissionCreditNoteConsumer), ct => ledger.ReverseAsync(context.Message, ct));
}
