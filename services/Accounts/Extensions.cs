using Reseller.Accounts.Accounts;
using Reseller.Accounts.Billing;
using Reseller.Accounts.Data;
using Reseller.Accounts.Lifecycle;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.InternalCalls;
using Reseller.ServiceDefaults.Mail.Outbox;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Accounts;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IHostApplicationBuilder, AccountsDb>("accountsdb");
        builder.AddTokenIssuer<IHostApplicationBuilder, AccountsDb>();
        builder.Services.AddAccountLifecycle();
        builder.AddServiceMessaging<IHostApplicationBuilder, AccountsDb>(bus =>
        {
            bus.AddConsumer<InvoicePaidConsumer>();
            bus.AddConsumer<PaymentFailedConsumer>();
            bus.AddConsumer<Transfers.PartnerCreatedConsumer>();
            bus.AddConsumer<KnownBillingProfilesConsumer>();
            bus.AddAccountIdentityConsumers();
        });
        builder.AddMailOutbox<IHostApplicationBuilder, AccountsDb>();
        builder.Services.AddSingleton(_ => CatalogFile.LoadFromBaseDirectory());
        builder.Services.Configure<AccountUrlOptions>(builder.Configuration.GetSection(AccountUrlOptions.Section));
        builder.Services.AddScoped<CreateAccountValidator>();
        builder.Services.AddScoped<AccountOpening>();
        builder.Services.AddScoped<Transfers.AccountHandover>();
        builder.Services.AddScoped<UpdateAccountValidator>();
        builder.AddAccountIdentity();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddInternalServiceClient();
        builder.Services.AddScoped<BillingProfileDirectory>();
        return builder;
    }
}
