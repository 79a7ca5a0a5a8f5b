using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Audit;
using Reseller.Accounts.Data;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Users;

public static class AdminPasswordApi
{
    public static IEndpointRouteBuilder MapAdminPasswordApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/v1/accounts/{id}/admin-password", SetAsync).WithTags("Identity").WithName("SetAccountAdminPassword")
            .RequireAuthorization(PlatformPolicies.Partner);
        return app;
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
