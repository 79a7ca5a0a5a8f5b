using Microsoft.AspNetCore.Http.HttpResults;

using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Gateway.Clock;

public static class PlatformClockApi
{
    /// <summary>The operator's sandbox clock; absent (404) unless Clock:Sandbox is on (never in Production).</summary>
    public static WebApplication MapPlatformClockApi(this WebApplication app)
    {
        if (!SandboxClockSetting.IsOn(app.Configuration, app.Environment))
        {
            return app;
        }
        var api = app.MapGroup("/api/v1/admin/clock").WithTags("Operator").RequireAuthorization(PlatformPolicies.Operator);
        api.MapGet("", ReadAsync).WithName("GetPlatformClock").WithSummary("Read the sandbox clock");
        api.MapPost("", AdvanceAsync).WithName("AdvancePlatformClock").WithSummary("Move the sandbox clock forward and run every job due");
        return app;
    }

    public static async Task<Ok<ClockReading>> ReadAsync(HttpRequest request, PlatformClockFanOut clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ClockReading(await clock.ReadAsync(AdminKey(request), cancellationToken), null));

    public static async Task<Ok<PlatformClockResponse>> AdvanceAsync(ClockChange change, HttpRequest request, PlatformClockFanOut clock, CancellationToken cancellationToken)
    {
        if (change.Now is not { } target)
        {
            throw ValidationErrors.Reject("now", "now is required.");
        }
        return TypedResults.Ok(await clock.AdvanceAsync(target, AdminKey(request), cancellationToken));
    }

    private static string AdminKey(HttpRequest request) => request.Headers[AdminKeyAuthenticationHandler.HeaderName].ToString();
}
