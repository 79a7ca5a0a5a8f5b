using Microsoft.AspNetCore.Authentication.Cookies;

namespace Reseller.Web.Session;

/// <summary>
/// The session is one cookie, encrypted with the shared Data Protection keys, out of reach of scripts (HttpOnly), not sent
/// by other sites' forms (SameSite), and never longer-lived than the API token it carries.
/// </summary>
public static class SessionCookie
{
    public const string Name = ".Reseller.Session";

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = Name;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = "/signin";
        options.LogoutPath = "/signout";
        // A signed-in partner whose role does not open a page is told so (a member and the money pages), not asked to sign in again.
        options.AccessDeniedPath = "/forbidden";
        options.ReturnUrlParameter = "returnUrl";
        options.SlidingExpiration = false;
    }
}
