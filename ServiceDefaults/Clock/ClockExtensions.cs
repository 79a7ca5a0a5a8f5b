using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.ServiceDefaults.Clock;

public static class ClockExtensions
{
    public const string InternalClockPath = "/internal/clock";

    /// <summary>Moves the instance's clock without running its due jobs (the <c>jobs</c> parameter of the POST below).</summary>
    public const string InternalClockMoveOnlyPath = InternalClockPath + "?jobs=false";

    public static TBuilder AddPlatformClock<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (!SandboxClockSetting.IsOn(builder.Configuration, builder.Environment))
        {
            builder.Services.AddSingleton(TimeProvider.System);
        }
        else
        {
            builder.Services.AddSingleton(_ => new PlatformClock(TimeProvider.System));
            builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<PlatformClock>());
            // Before the due jobs and the server start: hosted services start in the order they are added.
            builder.Services.AddHostedService<SandboxClockCatchUp>();
        }
        builder.Services.AddSingleton<DueJobRunner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DueJobRunner>());
        return builder;
    }

    /// <summary>The per-instance side of the sandbox clock; the gateway fans POST /api/v1/admin/clock out to every instance.</summary>
    public static WebApplication MapPlatformClockEndpoints(this WebApplication app)
    {
        if (!SandboxClockSetting.IsOn(app.Configuration, app.Environment))
        {
            return app;
        }
        var group = app.MapGroup(InternalClockPath).RequireAuthorization(PlatformPolicies.Operator).ExcludeFromDescription();
        group.MapGet("", (PlatformClock clock) => TypedResults.Ok(new InstanceClockReading(clock.GetUtcNow(), clock.Offset.Ticks)));
        group.MapPost("", AdvanceAsync);
        return app;
    }

    /// <summary>Moves the instance's clock, then runs what became due unless <paramref name="jobs"/> is false (the gateway moves every clock before any job runs).</summary>
    private static async Task<Ok<ClockReading>> AdvanceAsync(
        InstanceClockMove move, PlatformClock clock, DueJobRunner dueJobs, CancellationToken cancellationToken, bool jobs = true)
    {
        if (move.Now is not { } target)
        {
            throw ValidationErrors.Reject("now", "now is required.");
        }
        var now = move.RealAt is { } realAt ? clock.AdvanceTo(target, realAt) : clock.AdvanceTo(target);
        var ran = jobs ? await dueJobs.RunAllAsync(cancellationToken) : null;
        return TypedResults.Ok(new ClockReading(now, ran));
    }
}
