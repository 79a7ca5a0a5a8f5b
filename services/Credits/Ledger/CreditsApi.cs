using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Catalog;
using Reseller.Credits.Data;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Credits.Ledger;

public static class CreditsApi
{
    public static IEndpointRouteBuilder MapCreditsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/credits").WithTags("Credits").RequireAuthorization(PlatformPolicies.Partner);
        api.MapGet("", GetBalancesAsync).WithName("GetCreditBalances");
        return app;
    }

    /// <summary>Balances are sums of the ledger, for the partner's pool and for each account holding credit.</summary>
    public static async Task<Ok<BalancesResponse>> GetBalancesAsync(ClaimsPrincipal user, CreditsDb db, ProductCatalog catalog, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var sums = await db.Ledger.AsNoTracking()
            .Where(e => e.PartnerId == partnerId)
            .GroupBy(e => new { e.AccountId, e.Kind })
            .Select(g => new { g.Key.AccountId, g.Key.Kind, Balance = g.Sum(e => e.Quantity) })
            .ToListAsync(cancellationToken);

        var currency = catalog.Currency;
        CreditBalances BalancesOf(Guid? accountId)
        {
            long Sum(CreditKind kind) => sums.Where(s => s.AccountId == accountId && s.Kind == kind).Sum(s => s.Balance);
            return new CreditBalances(new MoneyAmount(Sum(CreditKind.Prepaid), currency), Sum(CreditKind.Sms), Sum(CreditKind.Compatibility));
        }

        var accounts = sums.Where(s => s.AccountId is not null).Select(s => s.AccountId!.Value).Distinct().Order()
            .Select(id => new AccountCreditBalances(PublicId.Format("acc", id), BalancesOf(id)))
            .ToList();
        return TypedResults.Ok(new BalancesResponse(BalancesOf(null), accounts));
    }
}
