using MassTransit;

using Reseller.Contracts.Catalog;
using Reseller.Credits.Accounts;
using Reseller.Credits.Data;
using Reseller.Credits.Ledger;
using Reseller.Credits.Prepaid;
using Reseller.Credits.Purchases;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Credits;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IHostApplicationBuilder, CreditsDb>("creditsdb");
        builder.AddServiceMessaging<IHostApplicationBuilder, CreditsDb>(bus =>
        {
            bus.AddConsumer<AccountCreatedConsumer>().Endpoint(e => e.Name = QueueName<AccountCreatedConsumer>());
            bus.AddConsumer<AccountPlanChangedConsumer>().Endpoint(e => e.Name = QueueName<AccountPlanChangedConsumer>());
            bus.AddConsumer<AccountTransferredOutConsumer>().Endpoint(e => e.Name = QueueName<AccountTransferredOutConsumer>());
            bus.AddConsumer<AccountTransferredInConsumer>().Endpoint(e => e.Name = QueueName<AccountTransferredInConsumer>());
            bus.AddConsumer<InvoicePaidConsumer>().Endpoint(e => e.Name = QueueName<InvoicePaidConsumer>());
            bus.AddConsumer<CreditNoteIssuedConsumer>().Endpoint(e => e.Name = QueueName<CreditNoteIssuedConsumer>());
            bus.AddConsumer<ReservePrepaidCreditConsumer>().Endpoint(e => e.Name = QueueName<ReservePrepaidCreditConsumer>());
            bus.AddConsumer<PrepaidReservationCommittedConsumer>().Endpoint(e => e.Name = QueueName<PrepaidReservationCommittedConsumer>());
            bus.AddConsumer<PrepaidReservationReleasedConsumer>().Endpoint(e => e.Name = QueueName<PrepaidReservationReleasedConsumer>());
        });
        builder.Services.AddSingleton(_ => CatalogFile.LoadFromBaseDirectory());
        builder.Services.AddScoped<CreditLedger>();
        builder.Services.AddScoped<PrepaidReservations>();
        builder.Services.AddScoped<IDueJob, ExpiredReservationsJob>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHttpClient<BillingInvoices>(c => c.BaseAddress = new Uri("http://billing"));
        return builder;
    }

    /// <summary>
    /// Credits' own queue per consumer ("credits-account-created"): other services have consumers of the same class name,
    /// and a shared queue would make them compete for each event instead of each receiving it.
    /// </summary>
    public static string QueueName<TConsumer>() where TConsumer : class, IConsumer => "credits-" + KebabCaseEndpointNameFormatter.Instance.Consumer<TConsumer>();
}
