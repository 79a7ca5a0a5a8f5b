using Microsoft.AspNetCore.Http;

namespace Reseller.AppHost.OpsConsole.Access;

/// <summary>Lets a request in with the session cookie (or the token in <c>/login?t=</c>), else sends it to the login page.</summary>
internal static class ConsoleAuthentication
{
    private static readonly string[] OpenPaths = ["/login", "/login/session", "/app.css", "/console.css", "/console.js"];

    public static Task InvokeAsync(HttpContext context, RequestDelegate next, ConsoleAccess access)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == "/login" && access.Accepts(context.Request.Query["t"]))
        {
            SignIn(context, access);
            context.Response.Redirect("/");
            return Task.CompletedTask;
        }
        if (access.AcceptsCookie(context.Request.Cookies[ConsoleAccess.CookieName]) || OpenPaths.Contains(path, StringComparer.Ordinal))
        {
            return next(context);
        }
        if (HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Redirect("/login");
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        return Task.CompletedTask;
    }

    public static void SignIn(HttpContext context, ConsoleAccess access) =>
        context.Response.Cookies.Append(ConsoleAccess.CookieName, access.SessionCookie(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
}
