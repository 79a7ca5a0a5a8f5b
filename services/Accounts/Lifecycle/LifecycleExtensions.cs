using Reseller.Accounts.Data;
using Reseller.Accounts.Listing;
using Reseller.Accounts.Transfers;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Accounts.Lifecycle;

public static class LifecycleExtensions
{
    /// <summary>Plan changes, seats, cancel/renew/expiry, payer, listing and transfers; call before messaging so status events reach the outbox signal.</summary>
    public static IServiceCollection AddAccountLifecycle(this IServiceCollection services)
    {
        services.AddSingleton<AccountStatusEvents>();
        services.ConfigureDbContext<AccountsDb>((sp, o) => o.AddInterceptors(sp.GetRequiredService<AccountStatusEvents>()));
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
