using Reseller.Accounts.ResoldAccounts;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Accounts.Transfers;

/// <summary>What the operator sees of an account: the partner's view plus who holds it.</summary>
public sealed record OperatorAccountResponse(AccountResponse Account, string? PartnerId, string? FormerPartnerId, string? OwnerEmail)
{
    public static OperatorAccountResponse From(Account a, AccountUrlOptions urls) => new(
        AccountResponse.From(a, urls),
        a.PartnerId == Guid.Empty ? null : PublicId.Format(TransfersApi.PartnerPrefix, a.PartnerId),
        a.FormerPartnerId is { } former ? PublicId.Format(TransfersApi.PartnerPrefix, former) : null,
        a.OwnerEmail);
}
