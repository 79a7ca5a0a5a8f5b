using Reseller.Billing.Data;
using Reseller.Contracts.Accounts;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>Keeps the bill-to and language a customer gave when it took over payment (older messages carry neither).</summary>
public static class BilledCustomers
{
    public static async Task RecordAsync(BillingDb db, PayerChanged change, CancellationToken cancellationToken)
    {
        if (change.Payer != Payers.Customer || (change.BillTo is null && change.Language is null))
        {
            return;
        }
        var customer = await db.BilledCustomers.FindAsync([change.AccountId], cancellationToken);
        if (customer is null)
        {
            customer = BilledCustomer.For(change.AccountId);
            db.BilledCustomers.Add(customer);
        }
        customer.Apply(change.BillTo, change.Language, change.ChangedAt);
    }
}
