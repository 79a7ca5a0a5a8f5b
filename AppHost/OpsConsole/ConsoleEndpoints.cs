using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using Reseller.AppHost.Hosting;
using Reseller.AppHost.OpsConsole.Access;
using Reseller.AppHost.OpsConsole.Resources;

namespace Reseller.AppHost.OpsConsole;

/// <summary>The console's plain endpoints: its style sheets and script, the login form's post, and replica commands.</summary>
internal static class ConsoleEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // The dashboard's own style sheet, served from where services/Web keeps it: one look, one file.
        endpoints.MapGet("/app.css", () => Results.File(Path.Combine(AppHostInfo.RepositoryRoot, "services", "Web", "wwwroot", "app.css"), "text/css"));
        endpoints.MapGet("/console.css", () => Results.File(Asset("console.css"), "text/css"));
        endpoints.MapGet("/console.js", () => Results.File(Asset("console.js"), "text/javascript"));
        endpoints.MapPost("/login/session", async (HttpContext context, ConsoleAccess access) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (!access.Accepts(form["token"]))
            {
                return Results.Redirect("/login?failed=1");
            }
            ConsoleAuthentication.SignIn(context, access);
            return Results.Redirect("/");
        });
        endpoints.MapPost("/resources/{project}/{replica:int}/{command}", (string project, int replica, string command, ReplicaCommands commands) =>
            commands.Run(project, replica, command) ? Results.Redirect("/") : Results.NotFound());
    }

    private static string Asset(string name) => Path.Combine(AppHostInfo.RepositoryRoot, "AppHost", "OpsConsole", "Assets", name);
}
