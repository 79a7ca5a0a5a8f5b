using System.ComponentModel;
using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Data;
using Reseller.Accounts.Users;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;

namespace Reseller.Accounts.Audit;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/accounts/{id}/audit", ListAsync).WithTags("Audit").WithName("ListAccountAudit").WithSummary("List an account's audit trail")
            .RequireAuthorization(PlatformPolicies.Partner);
        return app;
    }

    /// <summary>The account's audit trail, newest first, keyset-paginated.</summary>
    public static async Task<Ok<Page<AuditEntryResponse>>> ListAsync(
        string id,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int? pageSize,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_token")] string? pageToken,
        ClaimsPrincipal user,
        AccountsDb db,
        CancellationToken cancellationToken)
    {
        var account = await db.FindOwnedAsync(id, user, cancellationToken);
        return TypedResults.Ok(await KeysetPage.ReadAsync(db.Set<AuditEntry>().AsNoTracking().Where(e => e.AccountId == account.Id),
            e => e.Id, ListSortDirection.Descending, pageSize, pageToken, AuditEntryResponse.From, cancellationToken));
    }
}
