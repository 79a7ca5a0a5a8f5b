using Microsoft.AspNetCore.Localization;

using Reseller.Web.Session;

namespace Reseller.Web.Localization;

public static class CultureEndpoints
{
    /// <summary>The language links: remember the choice for a year, then go back to the page the user was on.</summary>
    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (DashboardLocalization.Cultures.Contains(culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            }
            return TypedResults.LocalRedirect(LocalPaths.OrHome(returnUrl));
        });
        return app;
    }
}
