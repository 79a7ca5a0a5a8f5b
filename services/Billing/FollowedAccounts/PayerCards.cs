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

    /// <summary>
    /// The card an invoice of <paramref name="invoicePayer"/> is charged on (a dunning retry, Renew, a change billed to the
    /// payer that made it): the account's (<see cref="BilledAccount.CardFor"/>), except for an invoice its client still owes
    /// after handing paying back to its partner: the client's own newest card. The account's card is then the partner's,
    /// which never pays a client's invoice, so every retry was refused and the account expired over a debt never asked of
    /// the card that owes it.
    /// </summary>
    public static async Task<Guid?> ForInvoiceAsync(BillingDb db, BilledAccount account, string invoicePayer, CancellationToken cancellationToken) =>
        invoicePayer != Payers.Customer || account.Payer == Payers.Customer
            ? account.CardFor(invoicePayer)
            : await db.BillingProfiles.AsNoTracking()
                .Where(p => p.PartnerId == account.PartnerId && p.AccountId == account.AccountId && p.DeletedAt == null && !p.AwaitingOwner)
                .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
                .Select(p => (Guid?)p.Id)
                .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The payer other than the account's current one: whose card it would be if a payer change had not arrived yet.</summary>
    public static string OtherPayer(BilledAccount account) => account.Payer == Payers.Customer ? Payers.Partner : Payers.Customer;
}
