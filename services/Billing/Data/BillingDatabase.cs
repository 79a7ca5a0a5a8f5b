using Reseller.ServiceDefaults.Data;

namespace Reseller.Billing.Data;

public static class BillingDatabase
{
    /// <summary>Billing's database, its metrics counted only once a unit of work commits (<see cref="BillingDb.CountOnCommit"/>).</summary>
    public static TBuilder AddBillingDatabase<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddServiceDatabase<TBuilder, BillingDb>("billingdb");
        builder.Services.ConfigureDbContext<BillingDb>(o => o.AddInterceptors(CommittedCounts.Instance));
        return builder;
    }
}
