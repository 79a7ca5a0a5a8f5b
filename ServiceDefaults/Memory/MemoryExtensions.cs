using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Reseller.ServiceDefaults.Memory;

public static class MemoryExtensions
{
    /// <summary>Returns an idle process's heap to the machine (<see cref="IdleHeapTrim"/>) unless Memory:IdleTrim is false.</summary>
    public static TBuilder AddIdleHeapTrim<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (builder.Configuration.GetValue("Memory:IdleTrim", true))
        {
            builder.Services.AddSingleton(IdleTrimPolicy.Default);
            builder.Services.AddHostedService<IdleHeapTrim>();
        }
        return builder;
    }
}
