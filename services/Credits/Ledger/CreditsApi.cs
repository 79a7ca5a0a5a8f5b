using System.ComponentModel;
using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Catalog;
using Reseller.Credits.Data;
using Reseller.Credits.FollowedAccounts;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Credits.Ledger;

public static class CreditsApi
{
    public static IEndpointRouteBuilder MapCreditsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/credits").WithTags("Credits").RequireAuthorization(PlatformPolicies.PartnerBilling);
        api.MapGet("", GetBalancesAsync).WithName("GetCreditBalances").WithSummary("Read the credit balances of the partner and its accounts");
        api.MapGet("/{kind}/ledger", GetLedgerAsync).WithName("GetCreditLedger").WithSummary("List the credit ledger of one kind");
        return app;
    }

    /// <summary>The balances of the partner's pool and of each of its accounts holding credit (each the sum of its ledger).</summary>
    public static async Task<Ok<BalancesResponse>> GetBalancesAsync(ClaimsPrincipal user, CreditsDb db, ProductCatalog catalog, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var balances = await db.Balances.AsNoTracking().Where(b => b.PartnerId == partnerId).ToListAsync(cancellationToken);
        var owned = await db.Accounts.AsNoTracking().Where(a => a.PartnerId == partnerId).Select(a => a.AccountId).ToListAsync(cancellationToken);

        CreditBalances BalancesOf(Guid holder)
        {
            long Sum(CreditKind kind) => balances.Where(b => b.HolderId == holder && b.Kind == kind).Sum(b => b.Balance);
            return new CreditBalances(new MoneyAmount(Sum(CreditKind.Prepaid), catalog.Currency), Sum(CreditKind.Sms), Sum(CreditKind.Compatibility));
        }

        var accounts = balances.Select(b => b.HolderId).Where(h => h != CreditBalance.Pool && owned.Contains(h)).Distinct().Order()
            .Select(id => new AccountCreditBalances(PublicId.Format(AccountDirectory.IdPrefix, id), BalancesOf(id)))
            .ToList();
        return TypedResults.Ok(new BalancesResponse(BalancesOf(CreditBalance.Pool), accounts));
    }

    /// <summary>The partner's ledger of one kind, newest first; account_id narrows it to one account's entries.</summary>
    public static async Task<Ok<Page<LedgerEntryResponse>>> GetLedgerAsync(
        string kind,
        [FromQuery(Name = "account_id")] string? accountId,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery(Name = "page_token")] string? pageToken,
        ClaimsPrincipal user,
        CreditsDb db,
        AccountsLookup accounts,
        CancellationToken cancellationToken)
    {
        var creditKind = CreditKindNames.Parse(kind);
        var partnerId = user.PartnerId();
        var query = db.Ledger.AsNoTracking().Where(e => e.PartnerId == partnerId && e.Kind == creditKind);
        if (accountId is not null)
        {
            var account = await accounts.FindOwnedAsync(partnerId, accountId, cancellationToken);
            query = query.Where(e => e.AccountId == account.AccountId);
        }
        return TypedResults.Ok(await KeysetPage.ReadAsync(
            query, e => e.Id, ListSortDirection.Descending, pageSize, pageToken, LedgerEntryResponse.From, cancellationToken));
    }
}
