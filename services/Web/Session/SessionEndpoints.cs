using System.Security.Claims;

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Reseller.Web.Session;

public static class SessionEndpoints
{
    /// <summary>Signing out is a form post (antiforgery-checked), so no other site can end a session with a link.</summary>
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signout", SignOutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, ClaimsPrincipal user)
    {
        var kind = user.FindFirst(SessionClaims.Kind)?.Value;
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect(SignInPaths.For(kind));
    }
}
