using System.ComponentModel;
using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Audit;
using Reseller.Accounts.Data;
using Reseller.Accounts.Invitations;
using Reseller.Accounts.Tokens;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Users;

public static class AccountUsersApi
{
    public static IEndpointRouteBuilder MapAccountUsersApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/v1/accounts/{id}/admin-password", SetAsync).WithTags("Identity").WithName("SetAccountAdminPassword").WithSummary("Set the password of an account's admin")
            .RequireAuthorization(PlatformPolicies.Partner);
        app.MapGet("/api/v1/accounts/{id}/users", ListUsersAsync).WithTags("Identity").WithName("ListAccountUsers").WithSummary("List an account's users")
            .RequireAuthorization(PlatformPolicies.Partner);
        app.MapDelete("/api/v1/accounts/{id}/users/{userId}", RemoveAsync).WithTags("Identity").WithName("RemoveAccountUser").WithSummary("Remove a customer's login").ProducesProblem(409)
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
        return TypedResults.Ok(await KeysetPage.ReadAsync(db.Set<AccountUser>().AsNoTracking().Where(u => u.AccountId == account.Id),
            u => u.Id, ListSortDirection.Ascending, pageSize, pageToken, u => AccountUserResponse.From(u, now), cancellationToken));
    }

    /// <summary>The partner sets a new password for the account's <c>admin</c> user (which also lifts a lockout).</summary>
    public static async Task<NoContent> SetAsync(
        string id,
        AdminPasswordRequest request,
        ClaimsPrincipal user,
        AccountsDb db,
        IPasswordHasher<AccountUser> hasher,
        AccountTokens tokens,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var account = await db.FindOwnedAsync(id, user, cancellationToken);
        request.ThrowIfInvalid();
        var admin = await db.Set<AccountUser>().FirstAsync(u => u.AccountId == account.Id && u.Username == AccountRoles.AdminUsername, cancellationToken);
        admin.SetPasswordHash(hasher.HashPassword(admin, request.Password!));
        await tokens.EndSessionsAsync(db, admin.Id, clock.GetUtcNow(), cancellationToken);
        db.Record(account.Id, user, AuditActions.AdminPasswordSet, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Removes a customer's login: it can no longer log in, its open reset links die with it, and its e-mail may be invited
    /// again. The account's own <c>admin</c> stays (its password is set with PUT …/admin-password instead).
    /// </summary>
    public static async Task<NoContent> RemoveAsync(
        string id,
        string userId,
        ClaimsPrincipal user,
        AccountsDb db,
        AccountTokens tokens,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var account = await db.FindOwnedAsync(id, user, cancellationToken);
        var login = PublicId.TryParse(AccountUserResponse.IdPrefix, userId, out var parsed)
            ? await db.Set<AccountUser>().FirstOrDefaultAsync(u => u.Id == parsed && u.AccountId == account.Id, cancellationToken)
            : null;
        if (login is null)
        {
            throw ProblemException.NotFound("user");
        }
        if (login.Role == AccountRoles.Admin)
        {
            throw ProblemException.Conflict("admin-not-removable", "The account's admin login cannot be removed.",
                "Set a new admin password instead (PUT /api/v1/accounts/{id}/admin-password).");
        }
        db.RemoveRange(await db.Set<OneTimeToken>().Where(t => t.UserId == login.Id).ToListAsync(cancellationToken));
        db.RemoveRange(await db.Set<Invitation>().Where(i => i.AccountId == account.Id && i.Email == login.Username).ToListAsync(cancellationToken));
        db.Remove(login);
        await tokens.EndSessionsAsync(db, login.Id, clock.GetUtcNow(), cancellationToken);
        db.Record(account.Id, user, AuditActions.UserRemoved, clock.GetUtcNow(), login.Username);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
