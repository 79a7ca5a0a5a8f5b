using Reseller.Billing.Data;
using Reseller.Contracts.Accounts;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>
/// Keeps the bill-to and language a customer gave when it took over payment (older messages carry neither), and the
/// bill-to it gives or corrects while paying.
/// </summary>
public static class BilledCustomers
{
    public static async Task RecordAsync(BillingDb db, PayerChanged change, CancellationToken cancellationToken)
    {
        if (change.Payer != Payers.Customer || (change.BillTo is null && change.Language is null))
        {
            return;
        }
        (await FindOrAddAsync(db, change.AccountId, cancellationToken)).Apply(change.BillTo, change.Language, change.ChangedAt);
    }

    /// <summary>A customer already paying corrected its bill-to (CustomerBillToChanged).</summary>
    public static async Task RecordAsync(BillingDb db, CustomerBillToChanged change, CancellationToken cancellationToken) =>
        (await FindOrAddAsync(db, change.AccountId, cancellationToken)).Apply(change.BillTo, language: null, change.ChangedAt);

    private static async Task<BilledCustomer> FindOrAddAsync(BillingDb db, Guid accountId, CancellationToken cancellationToken)
    {
        var customer = await db.BilledCustomers.FindAsync([accountId], cancellationToken);
        if (customer is null)
        {
            customer = BilledCustomer.For(accountId);
            db.BilledCustomers.Add(customer);
        }
        return customer;
    }
}
