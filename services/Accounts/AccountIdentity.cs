using Reseller.Accounts.Audit;
using Reseller.Accounts.CustomerAccess;
using Reseller.Accounts.Customization;
using Reseller.Accounts.Invitations;
using Reseller.Accounts.LoginLinks;
using Reseller.Accounts.Snapshots;
using Reseller.Accounts.Users;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.DomainEvents;

namespace Reseller.Accounts;

/// <summary>Account users and their logins, invitations, log-in-as, the audit trail, snapshots and account defaults.</summary>
public static class AccountIdentity
{
    public static IHostApplicationBuilder AddAccountIdentity(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformPasswordHasher<AccountUser>();
        builder.Services.AddSingleton<AccountTokens>();
        builder.Services.AddSingleton<AccountLinks>();
        builder.Services.AddScoped<NewAccountSetup>();
        builder.Services.AddScoped<IDueJob, InvitationExpiryJob>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddDomainEvents<Data.AccountsDb>().AddDomainEventRecorder<AccountChangeAudit>();
        builder.AddAccountAccessPolicy();
        return builder;
    }

    public static IEndpointRouteBuilder MapAccountIdentityApis(this IEndpointRouteBuilder app)
    {
        app.MapAccountAuthApi();
        app.MapAccountUsersApi();
        app.MapLoginLinksApi();
        app.MapInvitationsApi();
        app.MapAuditApi();
        app.MapSnapshotsApi();
        app.MapAccountDefaultsApi();
        app.MapCustomerAccountApi();
        return app;
    }

    /// <summary>The consumers of the identity features, for <c>AddServiceMessaging</c>.</summary>
    public static void AddAccountIdentityConsumers(this MassTransit.IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<TransferBrandingConsumer>();
    }
}
