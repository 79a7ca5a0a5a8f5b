using System.Security.Claims;

using Microsoft.AspNetCore.Components.Authorization;

namespace Reseller.Web.Session;

/// <summary>
/// The signed-in user's credential for the API, from the session: the request's own user in a plain request (a page's static
/// render, a download), the circuit's authentication state in an interactive one.
/// </summary>
public sealed class SessionToken(IHttpContextAccessor http, AuthenticationStateProvider authentication)
{
    public async Task<SessionCredential?> GetCredentialAsync()
    {
        var user = http.HttpContext?.User is { Identity.IsAuthenticated: true } requestUser
            ? requestUser
            : (await authentication.GetAuthenticationStateAsync()).User;
        return Of(user);
    }

    private static SessionCredential? Of(ClaimsPrincipal user) =>
        user.FindFirst(SessionClaims.AccessToken)?.Value is { } secret
            ? new SessionCredential(user.FindFirst(SessionClaims.Kind)?.Value ?? string.Empty, secret)
            : null;
}
