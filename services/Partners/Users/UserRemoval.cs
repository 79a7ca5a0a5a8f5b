using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Data;
using Reseller.Partners.Organisations;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Partners.Users;

/// <summary>
/// An owner removes a user of the agency (never the last active owner). The user and its pending links are deleted,
/// so it can no longer log in or redeem a link, and its sessions end: a token it already holds is refused at once.
/// </summary>
public static class UserRemoval
{
    public static async Task<NoContent> RemoveAsync(
        string id, ClaimsPrincipal user, PartnersDb db, SessionStamps sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locks the partner row: two owners removing each other at once are serialized, so one owner always remains.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM partners WHERE id = {partnerId} FOR UPDATE", cancellationToken);
        var removed = await FindAsync(db, partnerId, id, cancellationToken);
        if (removed.Role == PartnerRoles.Owner && removed.Status == PartnerUserStatus.Active
            && !await db.Users.AnyAsync(u => u.PartnerId == partnerId && u.Id != removed.Id && u.Role == PartnerRoles.Owner && u.Status == PartnerUserStatus.Active, cancellationToken))
        {
            throw ProblemException.Conflict("last-owner", "The last owner cannot be removed.", "Make another user owner first.");
        }
        db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == removed.Id).ToListAsync(cancellationToken));
        db.Users.Remove(removed);
        await sessions.EndAsync(db, removed.Id.ToString(), clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A user of the caller's partner; 404 for anyone else's.</summary>
    public static async Task<PartnerUser> FindAsync(PartnersDb db, Guid partnerId, string id, CancellationToken cancellationToken) =>
        PublicId.TryParse(PartnerUserResponse.IdPrefix, id, out var userId)
            ? await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.PartnerId == partnerId, cancellationToken) ?? throw ProblemException.NotFound("user")
            : throw ProblemException.NotFound("user");
}
