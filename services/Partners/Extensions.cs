using Reseller.Partners.Commissions;
using Reseller.Partners.Data;
using Reseller.Partners.FollowedAccounts;
using Reseller.Partners.Payouts;
using Reseller.Partners.Referrals;
using Reseller.Partners.Users;
using Reseller.Partners.Webhooks;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.InternalCalls;
using Reseller.ServiceDefaults.Mail.Outbox;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Partners;

/// <summary>Everything the Partners service registers; its Program.cs maps the API groups.</summary>
public static class Extensions
{
    public static IHostApplicationBuilder AddPartnersService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IHostApplicationBuilder, PartnersDb>("partnersdb");
        builder.AddServiceMessaging<IHostApplicationBuilder, PartnersDb>(bus =>
        {
            bus.AddConsumer<PartnerAccountCreatedConsumer>();
            bus.AddConsumer<PartnerAccountStatusChangedConsumer>();
            bus.AddConsumer<PartnerAccountPlanChangedConsumer>();
            bus.AddConsumer<PartnerPayerChangedConsumer>();
            bus.AddConsumer<PartnerAccountTransferredOutConsumer>();
            bus.AddConsumer<PartnerAccountTransferredInConsumer>();
            bus.AddConsumer<CommissionInvoicePaidConsumer>();
            bus.AddConsumer<CommissionCreditNoteConsumer>();
            bus.AddConsumer<PayoutMailConsumer>();
            bus.AddWebhookConsumers();
        });
        builder.AddMailOutbox<IHostApplicationBuilder, PartnersDb>();
        builder.Services.AddSingleton<UserMails>();
        builder.AddPlatformPasswordHasher<PartnerUser>();
        builder.AddTokenIssuer<IHostApplicationBuilder, PartnersDb>();
        builder.Services.AddAuthorizationBuilder().AddPartnerOwnerPolicy();
        builder.Services.AddScoped<CommissionLedger>();
        builder.Services.AddInternalServiceClient();
        builder.Services.AddScoped<PlatformServices>();
        builder.Services.AddScoped<IDueJob, MonthlyCloseJob>();
        builder.Services.AddPayouts(builder.Configuration, builder.Environment);
        builder.AddWebhooks();
        return builder;
    }
}
