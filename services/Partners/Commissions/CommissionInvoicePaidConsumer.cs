using MassTransit;

using Reseller.Contracts.Billing;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.Commissions;

/// <summary>Each paid invoice earns its commission or cashback exactly once (inbox plus a unique earning per invoice).</summary>
public sealed class CommissionInvoicePaidConsumer(PartnersDb db, CommissionLedger ledger) : IConsumer<InvoicePaid>
{
    public Task Consume(ConsumeContext<InvoicePaid> context) =>
        db.ConsumeOnceAsync(context, nameof(CommissionInvoicePaidConsumer), ct => ledger.EarnAsync(context.Message, mayWait: context.GetRetryAttempt() < 3, ct));
}
