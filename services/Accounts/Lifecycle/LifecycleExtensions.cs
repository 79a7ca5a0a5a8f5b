using Reseller.Accounts.Data;
using Reseller.Accounts.Listing;
using Reseller.Accounts.Transfers;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.DomainEvents;

namespace Reseller.Accounts.Lifecycle;

public static class LifecycleExtensions
{
    /// <summary>Plan changes, seats, cancel/renew/expiry, payer, listing and transfers.</summary>
    public static IServiceCollection AddAccountLifecycle(this IServiceCollection services)
    {
        services.AddDomainEvents<AccountsDb>().AddDomainEventRecorder<AccountStatusEvents>();
        services.AddSingleton<PlanChangePolicy>();
        services.AddScoped<PlanChanger>();
        services.AddScoped<PartnerAccounts>();
        services.AddScoped<AccountList>();
        services.AddScoped<IDueJob, AccountExpiryJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccountLifecycleApi(this IEndpointRouteBuilder app) =>
        app.MapLifecycleApi().MapPayerApi().MapAccountListApi().MapTransfersApi();
}
