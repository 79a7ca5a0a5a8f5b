using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Reseller.ServiceDefaults.Telemetry;

public static class GaugeExtensions
{
    /// <summary>Adds a source of cached observable-gauge values and, once, the refresher that keeps them fresh.</summary>
    public static IServiceCollection AddGaugeSource<TSource>(this IServiceCollection services) where TSource : class, IGaugeSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGaugeSource, TSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, GaugeRefresher>());
        return services;
    }
}
