using System.Globalization;
using System.Security.Claims;

using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Data;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Accounts.Users;

/// <summary>Issues the platform token scoped to one account for one of its users, and ends a user's or an account's sessions.</summary>
public sealed class AccountTokens(PlatformTokenIssuer issuer, SessionStamps sessions)
{
    public const string LoginAsClaim = PlatformClaims.LoginAs;

    public async Task<IssuedToken> IssueAsync(AccountsDb db, AccountUser user, Guid partnerId, string? loginAs, CancellationToken cancellationToken)
    {
        var sessionVersion = await SessionStamps.VersionAsync(db, user.Id.ToString(), cancellationToken);
        List<Claim> claims =
        [
            new(PlatformClaims.Subject, user.Id.ToString()),
            new(PlatformClaims.AccountId, user.AccountId.ToString()),
            new(PlatformClaims.PartnerId, partnerId.ToString()),
            new(PlatformClaims.Role, user.Role),
            new(PlatformClaims.Kind, PlatformClaims.AccountUserKind),
            new(PlatformClaims.SessionVersion, sessionVersion.ToString(CultureInfo.InvariantCulture)),
        ];
        if (loginAs is not null)
        {
            claims.Add(new Claim(LoginAsClaim, loginAs));
        }
        return await issuer.IssueAsync(claims, cancellationToken: cancellationToken);
    }

    /// <summary>Every token of the user (log-in-as tokens of the admin included) is refused once the caller's SaveChanges commits.</summary>
    public Task EndSessionsAsync(AccountsDb db, Guid userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        sessions.EndAsync(db, userId.ToString(), now, cancellationToken);

    /// <summary>Every session of every user of the account ends (a move out or in), once the caller's SaveChanges commits.</summary>
    public async Task EndAccountSessionsAsync(AccountsDb db, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var userId in await db.Set<AccountUser>().Where(u => u.AccountId == accountId).Select(u => u.Id).ToListAsync(cancellationToken))
        {
            await EndSessionsAsync(db, userId, now, cancellationToken);
        }
    }
}
