using MassTransit;

using Microsoft.Extensions.DependencyInjection.Extensions;

using Reseller.Billing.Access;
using Reseller.Billing.Catalog;
using Reseller.Billing.CreditNotes;
using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Billing.Notices;
using Reseller.Billing.Payments;
using Reseller.Billing.Payments.Stripe;
using Reseller.Billing.Prepaid;
using Reseller.Billing.Pricing;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.Billing;

/// <summary>Everything the Billing service registers; its Program.cs maps the API groups.</summary>
public static class Extensions
{
    public static IHostApplicationBuilder AddBillingService(this IHostApplicationBuilder builder)
    {
        if (PaymentProviderSetting.Of(builder.Configuration, builder.Environment) == PaymentProviderSetting.Stripe)
        {
            builder.Services.AddStripePayments(builder.Configuration);
        }
        builder.AddBillingDatabase();
        builder.AddServiceMessaging<IHostApplicationBuilder, BillingDb>(bus =>
        {
            bus.AddBillingConsumers();
            bus.AddRequestClient<Contracts.Credits.ReservePrepaidCredit>(RequestTimeout.After(s: 10));
        });
        builder.Services.AddAuthorizationBuilder().AddBillingPolicies();
        builder.Services.AddScoped<IPrepaidCredit, MessagingPrepaidCredit>();
        builder.Services.AddCharging();
        builder.Services.AddScoped<IDueJob, PendingPaymentsJob>();
        builder.Services.AddScoped<IDueJob, PendingRefundsJob>();
        builder.Services.AddScoped<IDueJob, PendingChargeRefundsJob>();
        builder.Services.AddScoped<IDueJob, RenewalJob>();
        builder.Services.AddScoped<IDueJob, DunningJob>();
        builder.Services.AddGaugeSource<RenewalGaugeSource>();
        builder.Services.AddGaugeSource<UnreconciledPaymentsGaugeSource>();
        return builder;
    }

    /// <summary>Billing's message consumers: the account events it follows and its own dunning notices.</summary>
    public static IBusRegistrationConfigurator AddBillingConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<AccountCreatedConsumer>();
        bus.AddConsumer<AccountBillingProfileChangedConsumer>();
        bus.AddConsumer<AccountPlanChangedConsumer>();
        bus.AddConsumer<AccountStatusChangedConsumer>();
        bus.AddConsumer<AccountRenewalRequestedConsumer>();
        bus.AddConsumer<PayerChangedConsumer>();
        bus.AddConsumer<CustomerBillToChangedConsumer>();
        bus.AddConsumer<AccountNotificationEmailChangedConsumer>();
        bus.AddConsumer<AccountTransferredOutConsumer>();
        bus.AddConsumer<AccountTransferredInConsumer>();
        bus.AddConsumer<PaymentFailedNoticeConsumer>();
        bus.AddConsumer<RenewalOfExpiredAccountConsumer>();
        bus.AddConsumer<BilledPartners.PartnerCreatedConsumer>();
        bus.AddConsumer<BilledPartners.PartnerLegalDetailsChangedConsumer>();
        return bus;
    }

    /// <summary>Pricing, invoicing and charging: what any Billing instance needs to invoice and charge a period.</summary>
    public static IServiceCollection AddCharging(this IServiceCollection services)
    {
        services.AddSingleton(_ => CatalogFile.LoadFromBaseDirectory());
        services.AddSingleton<PlanPricer>();
        // The sandbox unless a real provider was registered first (AddStripePayments).
        services.TryAddSingleton<SandboxPaymentProvider>();
        services.TryAddSingleton<IPaymentProvider>(sp => sp.GetRequiredService<SandboxPaymentProvider>());
        services.TryAddSingleton<ICardVault>(sp => sp.GetRequiredService<SandboxPaymentProvider>());
        services.TryAddSingleton<IRefunds>(sp => sp.GetRequiredService<SandboxPaymentProvider>());
        services.AddScoped<PaidAccountCounter>();
        services.AddScoped<InvoiceNumbering>();
        services.AddScoped<Invoices.Issuing.InvoiceHeadings>();
        services.AddSingleton<Invoices.Documents.DocumentBrandingSource>();
        // Bound when the host has a configuration (a bare service collection, as some tests build, keeps the defaults).
        services.AddOptions<Invoices.Issuing.IssuerOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(Invoices.Issuing.IssuerOptions.Section).Bind(o));
        services.AddOptions<Invoices.Issuing.InvoicingOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(Invoices.Issuing.InvoicingOptions.Section).Bind(o));
        services.AddScoped<PeriodInvoicer>();
        services.AddScoped<PlanChangeInvoicer>();
        services.AddScoped<DowngradesHeardLate>();
        services.AddScoped<UnusedPeriod>();
        services.AddScoped<TakenBackInvoices>();
        services.AddScoped<PlanChangeQuotes>();
        services.AddScoped<ChargeProcessor>();
        services.AddScoped<CardRefunds>();
        services.AddScoped<InvoiceCrediting>();
        services.AddScoped<UnrunPeriodProrations>();
        services.AddScoped<UnmatchedChargeRefunds>();
        services.AddScoped<BatchChargeProcessor>();
        services.TryAddScoped<IPrepaidCredit, NoPrepaidCredit>();
        services.AddScoped<PrepaidPayments>();
        return services;
    }
}
