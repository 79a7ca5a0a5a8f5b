using Reseller.Credits.FollowedAccounts;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Ledger;

/// <summary>
/// Moves assigned (sms or compatibility) credit between the partner's pool and one of its accounts, or earmarked prepaid
/// credit back to the pool: a debit of the source and a credit of the destination in one transaction, both ledger entries.
/// The source never goes below zero: asking for more than it holds moves nothing and is 422 <c>insufficient-credit</c>.
/// </summary>
public static class CreditMove
{
    /// <summary>The checks of an assignment, before any account is looked up: prepaid credit is earmarked when bought.</summary>
    public static CreditKind AssignedKind(PartnerCreditRequest caller, IValidatedRequest request, string prepaidRefusal)
    {
        var creditKind = caller.CreditKind();
        request.ThrowIfInvalid();
        if (creditKind == CreditKind.Prepaid)
        {
            throw PartnerCreditRequest.Refused("credit-not-assignable", "Prepaid credit is not assigned", prepaidRefusal);
        }
        return creditKind;
    }

    /// <summary>Moves <paramref name="quantity"/> to the account (<paramref name="toAccount"/>) or back to the pool; answers both balances after.</summary>
    public static async Task<MovedCredit> MoveAsync(this CreditLedger ledger, PartnerCreditRequest caller, CreditAccount account, CreditKind creditKind,
        string entryType, long quantity, bool toAccount)
    {
        var partnerId = caller.PartnerId();
        Guid? from = toAccount ? null : account.AccountId;
        Guid? to = toAccount ? account.AccountId : null;
        var reference = PublicId.Format(AccountDirectory.IdPrefix, account.AccountId);
        var cancellationToken = caller.CancellationToken;
        await using var transaction = await caller.Db.Database.BeginTransactionAsync(cancellationToken);
        // The account's row lock orders the move with a move-out of the account, which returns what it holds to the pool:
        // credit assigned once the account has left would sit where the partner can neither see nor use it.
        if (await caller.Db.PartnerCreditHolderAsync(partnerId, account.AccountId, cancellationToken) is null)
        {
            throw ProblemException.NotFound("account");
        }
        if (!await ledger.TryDebitAsync(partnerId, from, creditKind, entryType, quantity, reference, cancellationToken))
        {
            throw InsufficientCredit.Problem(creditKind);
        }
        await ledger.CreditAsync(partnerId, to, creditKind, entryType, quantity, reference, cancellationToken);
        var pool = await ledger.BalanceForUpdateAsync(partnerId, null, creditKind, cancellationToken);
        var held = await ledger.BalanceForUpdateAsync(partnerId, account.AccountId, creditKind, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MovedCredit(reference, CreditKindNames.Name(creditKind), pool, held);
    }
}
