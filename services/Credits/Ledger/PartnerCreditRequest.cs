using System.Security.Claims;

using Reseller.Credits.Data;
using Reseller.Credits.FollowedAccounts;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Ledger;

/// <summary>
/// What every partner request on /api/v1/credits/{kind}/… shares, bound with [AsParameters]: the route's kind (anything but
/// prepaid, sms and compatibility is 404), the calling partner (from its credentials only), that partner's accounts by public
/// id (malformed, unknown or another partner's: 404), and the 422 answer when a credit rule refuses the request.
/// </summary>
public sealed record PartnerCreditRequest(string Kind, ClaimsPrincipal User, CreditsDb Db, AccountsLookup Accounts, CancellationToken CancellationToken)
{
    public CreditKind CreditKind() => CreditKindNames.Parse(Kind);

    public Guid PartnerId() => User.PartnerId();

    public Task<CreditAccount> OwnedAccountAsync(string? accountId) => Accounts.FindOwnedAsync(PartnerId(), accountId, CancellationToken);

    /// <summary>The account an optional account_id names, or null when none is named.</summary>
    public async Task<CreditAccount?> OptionalAccountAsync(string? accountId) => accountId is null ? null : await OwnedAccountAsync(accountId);

    public static ProblemException Refused(string slug, string title, string detail) => ProblemException.Unprocessable(slug, title, detail);
}
