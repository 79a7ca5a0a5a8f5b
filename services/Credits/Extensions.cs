using Reseller.Contracts.Catalog;
using Reseller.Credits.Data;
using Reseller.Credits.FollowedAccounts;
using Reseller.Credits.Ledger;
using Reseller.Credits.Prepaid;
using Reseller.Credits.Purchases;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.InternalCalls;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Credits;

/// <summary>Everything the Credits service registers; its Program.cs maps the API groups.</summary>
public static class Extensions
{
    public static IHostApplicationBuilder AddCreditsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IHostApplicationBuilder, CreditsDb>("creditsdb");
        builder.AddTokenIssuer<IHostApplicationBuilder, CreditsDb>();
        builder.AddServiceMessaging<IHostApplicationBuilder, CreditsDb>(bus =>
        {
            bus.AddConsumer<AccountCreatedConsumer>();
            bus.AddConsumer<AccountPlanChangedConsumer>();
            bus.AddConsumer<AccountStatusChangedConsumer>();
            bus.AddConsumer<AccountTransferredOutConsumer>();
            bus.AddConsumer<AccountTransferredInConsumer>();
            bus.AddConsumer<InvoicePaidConsumer>();
            bus.AddConsumer<RenewalPaidConsumer>();
            bus.AddConsumer<PaymentFailedConsumer>();
            bus.AddConsumer<CreditNoteIssuedConsumer>();
            bus.AddConsumer<ReservePrepaidCreditConsumer>();
            bus.AddConsumer<PrepaidReservationCommittedConsumer>();
            bus.AddConsumer<PrepaidReservationReleasedConsumer>();
            bus.AddConsumer<PrepaidCreditReturnedConsumer>();
        });
        builder.Services.AddSingleton(_ => CatalogFile.LoadFromBaseDirectory());
        builder.Services.AddScoped<CreditLedger>();
        builder.Services.AddSingleton<Consumptions.ConsumptionBatches>();
        builder.Services.AddScoped<PrepaidReservations>();
        builder.Services.AddScoped<PurchaseInvoiceLinks>();
        builder.Services.AddScoped<PurchaseOrders>();
        builder.Services.AddScoped<IDueJob, ExpiredReservationsJob>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddInternalServiceClient();
        builder.Services.AddScoped<BillingInvoices>();
        builder.Services.AddScoped<AccountsLookup>();
        return builder;
    }
}
