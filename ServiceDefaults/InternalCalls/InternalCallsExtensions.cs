using Microsoft.Extensions.DependencyInjection;

namespace Reseller.ServiceDefaults.InternalCalls;

public static class InternalCallsExtensions
{
    /// <summary>The <see cref="InternalServiceClient"/>, with the resilience every HttpClient gets from AddServiceDefaults.</summary>
    public static IServiceCollection AddInternalServiceClient(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddHttpClient<InternalServiceClient>();
        return services;
    }
}
