using Reseller.Contracts.Catalog;
using Reseller.Credits.Data;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Credits;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IHostApplicationBuilder, CreditsDb>("creditsdb");
        builder.AddServiceMessaging<IHostApplicationBuilder, CreditsDb>(_ => { });
        builder.Services.AddSingleton(_ => CatalogFile.LoadFromBaseDirectory());
        return builder;
    }
}
