using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Data;
using Reseller.Accounts.Users;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Audit;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/accounts/{id}/audit", ListAsync).WithTags("Audit").WithName("ListAccountAudit")
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
        var size = PageSize.From(pageSize);
        var account = await db.FindOwnedAsync(id, user, cancellationToken);
        var query = db.Set<AuditEntry>().AsNoTracking().Where(e => e.AccountId == account.Id);
        if (pageToken is not null)
        {
            var after = ParseToken(pageToken);
            query = query.Where(e => e.Id < after);
        }
        var entries = await query.OrderByDescending(e => e.Id).Take(size + 1).ToListAsync(cancellationToken);
        var next = entries.Count > size ? entries[size - 1].Id.ToString("N") : null;
        return TypedResults.Ok(new Page<AuditEntryResponse>(entries.Take(size).Select(AuditEntryResponse.From).ToList(), next));
    }

    private static Guid ParseToken(string token) =>
        Guid.TryParseExact(token, "N", out var id) ? id : throw ValidationErrors.Reject("page_token", "page_token is not one this list gave.");
}
