using MassTransit;

using Reseller.Contracts.Billing;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.Commissions;

/// <summary>
/// Each paid invoice earns its commission or cashback exactly once (inbox plus a unique earning per invoice). An invoice of
/// an account Partners does not follow yet waits for its AccountCreated through every immediate retry and deferred
/// redelivery, and is decided without it only on the last attempt of the last: whether it is a referral (20 % commission)
/// or not (15 % cashback, or nothing) is decided once and for good.
/// </summary>
public sealed class CommissionInvoicePaidConsumer(PartnersDb db, CommissionLedger ledger, IDeferredRedelivery redelivery) : IConsumer<InvoicePaid>
{
    public Task Consume(ConsumeContext<InvoicePaid> context) =>
        db.ConsumeOnceAsync(context, nameof(CommissionInvoicePaidConsumer), ct => ledger.EarnAsync(context.Message, redelivery.MayWaitAgain(context), ct));
}
