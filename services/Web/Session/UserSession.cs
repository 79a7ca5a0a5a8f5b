using System.Security.Claims;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Web.Session;

/// <summary>Opens the cookie session after the API has issued a token; the token is never sent to the browser in the clear.</summary>
public static class UserSession
{
    public static async Task SignInAsync(HttpContext context, string kind, string accessToken, int expiresInSeconds, string email)
    {
        var claims = new List<Claim>
        {
            new(SessionClaims.Kind, kind),
            new(SessionClaims.AccessToken, accessToken),
            new(SessionClaims.Email, email),
            new(ClaimTypes.Name, email),
        };
        if (CompactToken.PayloadString(accessToken, "role") is { } role)
        {
            claims.Add(new Claim(SessionClaims.Role, role));
        }
        // An account user's token names its one account by its internal id; the API's paths take its public id.
        if (CompactToken.PayloadString(accessToken, SessionClaims.AccountId) is { } accountId && Guid.TryParse(accountId, out var id))
        {
            claims.Add(new Claim(SessionClaims.AccountId, PublicId.Format("acc", id)));
        }
        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, SessionClaims.Role);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), new AuthenticationProperties
        {
            IsPersistent = false,
            ExpiresUtc = DateTimeOffset.UtcNow.AddSeconds(expiresInSeconds),
        });
    }
}
