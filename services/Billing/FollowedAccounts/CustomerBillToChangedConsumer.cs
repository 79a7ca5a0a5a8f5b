using MassTransit;

using Reseller.Billing.Data;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>A paying customer's corrected bill-to addresses (and taxes) its invoices from the next one.</summary>
public sealed class CustomerBillToChangedConsumer(BillingDb db) : IConsumer<CustomerBillToChanged>
{
    public async Task Consume(ConsumeContext<CustomerBillToChanged> context) =>
        await db.ConsumeOnceAsync(context, nameof(CustomerBillToChangedConsumer),
            ct => BilledCustomers.RecordAsync(db, context.Message, ct));
}
