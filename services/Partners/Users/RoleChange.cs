using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Data;
using Reseller.Partners.Organisations;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Partners.Users;

/// <summary>
/// An owner changes a user's (or a pending invitation's) role; the last active owner is never demoted. A token carries
/// its role, so an active user's sessions end: the new role applies from its next sign-in, and a demoted user keeps no rights.
/// </summary>
public static class RoleChange
{
    public static async Task<Ok<PartnerUserResponse>> ChangeAsync(
        string id, ChangeRoleRequest request, ClaimsPrincipal user, PartnersDb db, SessionStamps sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var partnerId = user.PartnerId();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locks the partner row like a removal does: two owners demoting each other at once are serialized.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM partners WHERE id = {partnerId} FOR UPDATE", cancellationToken);
        var changed = await UserRemoval.FindAsync(db, partnerId, id, cancellationToken);
        if (changed.Role == request.Role)
        {
            return TypedResults.Ok(PartnerUserResponse.From(changed));
        }
        if (changed.Role == PartnerRoles.Owner && changed.Status == PartnerUserStatus.Active
            && !await db.Users.AnyAsync(u => u.PartnerId == partnerId && u.Id != changed.Id && u.Role == PartnerRoles.Owner && u.Status == PartnerUserStatus.Active, cancellationToken))
        {
            throw ProblemException.Conflict("last-owner", "The last owner cannot be demoted.", "Make another user owner first.");
        }
        changed.ChangeRole(request.Role!);
        if (changed.Status == PartnerUserStatus.Active)
        {
            await sessions.EndAsync(db, changed.Id.ToString(), clock.GetUtcNow(), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(PartnerUserResponse.From(changed));
    }
}
