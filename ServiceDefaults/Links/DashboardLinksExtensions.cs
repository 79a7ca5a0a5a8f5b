using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Reseller.ServiceDefaults.Links;

public static class DashboardLinksExtensions
{
    /// <summary>
    /// The mailed links' builder. Production refuses to start without an absolute Reseller:PublicUrl: the local default would
    /// mail every invitation and password reset a link to 127.0.0.1.
    /// </summary>
    public static TBuilder AddDashboardLinks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var configured = builder.Configuration[DashboardLinks.PublicUrlKey];
        if (builder.Environment.IsProduction() && !Uri.TryCreate(configured, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"{DashboardLinks.PublicUrlKey} must be set to the dashboard's absolute public address in Production (every mailed link starts with it).");
        }
        builder.Services.AddSingleton<DashboardLinks>();
        return builder;
    }
}
