using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

using Reseller.Accounts.ResoldAccounts;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;

namespace Reseller.Accounts.Listing;

public static class AccountListApi
{
    public static IEndpointRouteBuilder MapAccountListApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/accounts", ListAsync).WithTags("Accounts").WithName("ListAccounts").WithSummary("List, search, filter and sort accounts").RequireAuthorization(PlatformPolicies.Partner);
        return app;
    }

    /// <summary>The partner's accounts: q (name, customer name or e-mail), status (active default, expired, all), cadence, sort, order; keyset pages.</summary>
    public static async Task<Ok<Page<AccountResponse>>> ListAsync(
        ClaimsPrincipal user,
        AccountList list,
        IOptions<AccountUrlOptions> urls,
        CancellationToken cancellationToken,
        [FromQuery] string? q = null,
        [FromQuery] string? status = null,
        [FromQuery] string? cadence = null,
        [FromQuery] string? sort = null,
        [FromQuery] string? order = null,
        [FromQuery(Name = "page_size")] string? pageSize = null,
        [FromQuery(Name = "page_token")] string? pageToken = null)
    {
        var query = AccountListQuery.Parse(q, status, cadence, sort, order, pageSize, pageToken);
        var page = await list.ReadAsync(user.PartnerId(), query, cancellationToken);
        return TypedResults.Ok(new Page<AccountResponse>(page.Data.Select(a => AccountResponse.From(a, urls.Value)).ToList(), page.NextPageToken));
    }
}
