using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Contracts.Accounts;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>
/// The card an account event names must belong to whoever pays: the customer's own card for a customer-paid account, one
/// of the partner's cards for a partner-paid one. Any other card is refused, so it is never charged.
/// </summary>
public static class PayerCards
{
    public static async Task<bool> BelongToPayerAsync(BillingDb db, BilledAccount account, string payer, Guid billingProfileId, CancellationToken cancellationToken)
    {
        var profile = await db.BillingProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == billingProfileId, cancellationToken);
        return profile is not null && profile.MayPayFor(payer, account.PartnerId, account.AccountId);
    }

    /// <summary>The payer other than the account's current one: whose card it would be if a payer change had not arrived yet.</summary>
    public static string OtherPayer(BilledAccount account) => account.Payer == Payers.Customer ? Payers.Partner : Payers.Customer;
}
