using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Users;

public static class UserTokens
{
    /// <summary>Spends a single-use token: 404 unknown, 410 used or expired. The caller saves the change.</summary>
    public static async Task<PartnerUser> RedeemAsync(this PartnersDb db, string? secret, string purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > RandomSecret.MaxLength)
        {
            throw ValidationErrors.Reject("token", "token is required.");
        }
        var hash = RandomSecret.HashOf(secret);
        var token = await db.UserTokens.FirstOrDefaultAsync(t => t.Hash == hash && t.Purpose == purpose, cancellationToken)
            ?? throw ProblemException.NotFound("link");
        if (!token.IsUsable(now))
        {
            throw SpentLink.Problem();
        }
        token.Use(now);
        return await db.Users.FirstAsync(u => u.Id == token.UserId, cancellationToken);
    }
}
