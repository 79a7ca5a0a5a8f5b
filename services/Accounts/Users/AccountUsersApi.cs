using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Audit;
using Reseller.Accounts.Data;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Users;

public static class AccountUsersApi
{
    public static IEndpointRouteBuilder MapAccountUsersApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/v1/accounts/{id}/admin-password", SetAsync).WithTags("Identity").WithName("SetAccountAdminPassword")
            .RequireAuthorization(PlatformPolicies.Partner);
        app.MapGet("/api/v1/accounts/{id}/users", ListUsersAsync).WithTags("Identity").WithName("ListAccountUsers")
            .RequireAuthorization(PlatformPolicies.Partner);
        return app;
    }

    /// <summary>The account's logins, oldest first (so its admin, created with the account, comes first).</summary>
    public static async Task<Ok<Page<AccountUserResponse>>> ListUsersAsync(
        string id,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery(Name = "page_token")] string? pageToken,
        ClaimsPrincipal user,
        AccountsDb db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var account = await db.FindOwnedAsync(id, user, cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(await IdPages.ReadAsync(db.Set<AccountUser>().AsNoTracking().Where(u => u.AccountId == account.Id),
            pageSize, pageToken, newestFirst: false, u => AccountUserResponse.From(u, now), cancellationToken));
    }

    /// <summary>The partner sets a new password for the account's <c>admin</c> user (which also lifts a lockout).</summary>
    public static async Task<NoContent> SetAsync(
        string id,
        AdminPasswordRequest request,
        ClaimsPrincipal user,
        AccountsDb db,
        IPasswordHasher<AccountUser> hasher,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var account = await db.FindOwnedAsync(id, user, cancellationToken);
        new ValidationErrors().RequirePassword("password", request.Password).ThrowIfAny();
        var admin = await db.Set<AccountUser>().FirstAsync(u => u.AccountId == account.Id && u.Username == AccountRoles.AdminUsername, cancellationToken);
        admin.SetPasswordHash(hasher.HashPassword(admin, request.Password!));
        db.Record(account.Id, user, AuditActions.AdminPasswordSet, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
