using Reseller.Billing.Accounts;
using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Billing.Pricing;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IHostApplicationBuilder, BillingDb>("billingdb");
        builder.AddServiceMessaging<IHostApplicationBuilder, BillingDb>(bus =>
        {
            bus.AddConsumer<AccountCreatedConsumer>();
            bus.AddConsumer<AccountBillingProfileChangedConsumer>();
        });
        builder.Services.AddSingleton(_ => CatalogFile.LoadFromBaseDirectory());
        builder.Services.AddSingleton<PlanPricer>();
        builder.Services.AddSingleton<IPaymentProvider, SandboxPaymentProvider>();
        builder.Services.AddScoped<PaidAccountCounter>();
        builder.Services.AddScoped<InvoiceNumbering>();
        builder.Services.AddScoped<PeriodInvoicer>();
        builder.Services.AddScoped<ChargeProcessor>();
        builder.Services.AddScoped<IDueJob, PendingPaymentsJob>();
        builder.Services.AddScoped<IDueJob, RenewalJob>();
        builder.Services.AddScoped<IDueJob, DunningJob>();
        return builder;
    }
}
