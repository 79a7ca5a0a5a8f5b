using MassTransit;

using Reseller.Accounts.Audit;
using Reseller.Accounts.Billing;
using Reseller.Accounts.CustomerAccess;
using Reseller.Accounts.Customization;
using Reseller.Accounts.Data;
using Reseller.Accounts.Invitations;
using Reseller.Accounts.Lifecycle;
using Reseller.Accounts.Listing;
using Reseller.Accounts.ResoldAccounts;
using Reseller.Accounts.Snapshots;
using Reseller.Accounts.Transfers;
using Reseller.Accounts.Users;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.DomainEvents;
using Reseller.ServiceDefaults.InternalCalls;
using Reseller.ServiceDefaults.Mail.Outbox;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Telemetry;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Accounts;

/// <summary>Everything the Accounts service registers; its Program.cs maps the API groups.</summary>
public static class Extensions
{
    public static IHostApplicationBuilder AddAccountsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IHostApplicationBuilder, AccountsDb>("accountsdb");
        builder.AddTokenIssuer<IHostApplicationBuilder, AccountsDb>();
        builder.Services.AddAccountLifecycle();
        builder.AddServiceMessaging<IHostApplicationBuilder, AccountsDb>(bus =>
        {
            bus.AddConsumer<InvoicePaidConsumer>();
            bus.AddConsumer<PaymentFailedConsumer>();
            bus.AddConsumer<PartnerCreatedConsumer>();
            bus.AddConsumer<KnownBillingProfilesConsumer>();
            bus.AddAccountIdentityConsumers();
        });
        builder.AddMailOutbox<IHostApplicationBuilder, AccountsDb>();
        builder.Services.AddSingleton(_ => CatalogFile.LoadFromBaseDirectory());
        builder.Services.Configure<AccountUrlOptions>(builder.Configuration.GetSection(AccountUrlOptions.Section));
        builder.Services.AddScoped<CreateAccountValidator>();
        builder.Services.AddScoped<AccountOpening>();
        builder.Services.AddScoped<AccountHandover>();
        builder.Services.AddScoped<UpdateAccountValidator>();
        builder.AddAccountIdentity();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddInternalServiceClient();
        builder.Services.AddScoped<BillingProfileDirectory>();
        return builder;
    }

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

    /// <summary>Account users and their logins, invitations, log-in-as, the audit trail, snapshots and account defaults.</summary>
    public static IHostApplicationBuilder AddAccountIdentity(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformPasswordHasher<AccountUser>();
        builder.Services.AddSingleton<AccountTokens>();
        builder.Services.AddScoped<NewAccountSetup>();
        builder.Services.AddScoped<IDueJob, InvitationExpiryJob>();
        builder.Services.AddGaugeSource<AccountStatusGaugeSource>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddDomainEvents<AccountsDb>().AddDomainEventRecorder<AccountChangeAudit>();
        builder.AddAccountAccessPolicy();
        return builder;
    }

    /// <summary>The consumers of the identity features, for <c>AddServiceMessaging</c>.</summary>
    private static void AddAccountIdentityConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<TransferBrandingConsumer>();
    }
}
