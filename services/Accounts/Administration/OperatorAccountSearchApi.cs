using System.ComponentModel;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Reseller.Accounts.Data;
using Reseller.Accounts.Listing;
using Reseller.Accounts.ResoldAccounts;
using Reseller.Accounts.Transfers;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Administration;

/// <summary>The operator finds any account, of any partner or stand-alone, by a part of its name or its customer's, or by its id.</summary>
public static class OperatorAccountSearchApi
{
    public const int MaxSearchLength = 200;

    public static IEndpointRouteBuilder MapOperatorAccountSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/admin/accounts", SearchAsync).WithTags("Operator").RequireAuthorization(PlatformPolicies.Operator)
            .WithName("OperatorSearchAccounts").WithSummary("Search every account by name, customer or id (operator)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    /// <summary>
    /// Accounts oldest first, keyset paged. <c>q</c> (required) is a whole account id (<c>acc_…</c>) or a part of the account's
    /// name, its customer's name or e-mail, case-insensitive (the list's trigram-indexed search column).
    /// </summary>
    public static async Task<Ok<Page<OperatorAccountResponse>>> SearchAsync(
        [FromQuery(Name = "q")] string? q,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery(Name = "page_token")] string? pageToken,
        AccountsDb db,
        IOptions<AccountUrlOptions> urls,
        CancellationToken cancellationToken)
    {
        var search = q?.Trim();
        new ValidationErrors()
            .When(string.IsNullOrEmpty(search), "q", "q is required: an account id or a part of a name or e-mail.")
            .When(search is { Length: > MaxSearchLength }, "q", $"q must be at most {MaxSearchLength} characters.")
            .RefuseNul("q", search)
            .ThrowIfAny();

        var query = db.Accounts.AsNoTracking();
        if (PublicId.TryParse(AccountResponse.IdPrefix, search, out var accountId))
        {
            query = query.Where(a => a.Id == accountId);
        }
        else
        {
            var pattern = "%" + AccountList.EscapeLike(search!.ToLowerInvariant()) + "%";
            query = query.Where(a => EF.Functions.Like(EF.Property<string>(a, AccountListConfiguration.Search), pattern, "\\"));
        }
        return TypedResults.Ok(await KeysetPage.ReadAsync(query, a => a.Id, ListSortDirection.Ascending, pageSize, pageToken,
            a => OperatorAccountResponse.From(a, urls.Value), cancellationToken));
    }
}
