using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.ServiceDefaults.DomainEvents;

public static class DomainEventExtensions
{
    /// <summary>
    /// The unit of work's one SaveChanges step for <typeparamref name="TDb"/>: domain events become rows, then the outbox
    /// is woken after commit. Messaging and every feature that records events call it; it is added once, whatever calls
    /// it first.
    /// </summary>
    public static IServiceCollection AddDomainEvents<TDb>(this IServiceCollection services) where TDb : DbContext
    {
        services.TryAddSingleton<DomainEventDispatcher>();
        services.TryAddSingleton<QueueSignal<OutboxMessage>>();
        services.TryAddSingleton<OutboxCommitInterceptor>();
        if (!services.Any(s => s.ServiceType == typeof(UnitOfWorkStep<TDb>)))
        {
            services.AddSingleton<UnitOfWorkStep<TDb>>();
            services.ConfigureDbContext<TDb>((sp, o) => o.AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
        }
        return services;
    }

    /// <summary>Adds a recorder; recorders run in no particular order, so each only adds rows and reads what its event names.</summary>
    public static IServiceCollection AddDomainEventRecorder<TRecorder>(this IServiceCollection services)
        where TRecorder : class, IDomainEventRecorder =>
        services.AddSingleton<IDomainEventRecorder, TRecorder>();

    /// <summary>Marks that <typeparamref name="TDb"/> has its SaveChanges step, so a second call adds no second one.</summary>
    private sealed class UnitOfWorkStep<TDb>;
}
