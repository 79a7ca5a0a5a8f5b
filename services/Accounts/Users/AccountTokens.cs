using System.Security.Claims;

using Reseller.ServiceDefaults.Auth;

namespace Reseller.Accounts.Users;

/// <summary>Issues the platform token scoped to one account for one of its users.</summary>
public sealed class AccountTokens(PlatformTokenIssuer issuer)
{
    public const string LoginAsClaim = PlatformClaims.LoginAs;

    public IssuedToken Issue(AccountUser user, Guid partnerId, string? loginAs = null)
    {
        List<Claim> claims =
        [
            new(PlatformClaims.Subject, user.Id.ToString()),
            new(PlatformClaims.AccountId, user.AccountId.ToString()),
            new(PlatformClaims.PartnerId, partnerId.ToString()),
            new(PlatformClaims.Role, user.Role),
            new(PlatformClaims.Kind, PlatformClaims.AccountUserKind),
        ];
        if (loginAs is not null)
        {
            claims.Add(new Claim(LoginAsClaim, loginAs));
        }
        return issuer.Issue(claims);
    }
}
