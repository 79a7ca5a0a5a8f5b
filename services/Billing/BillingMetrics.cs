using System.Diagnostics.Metrics;

using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.Billing;

/// <summary>Billing's business metrics, exported with the platform meter.</summary>
public static class BillingMetrics
{
    public static readonly Counter<long> InvoicesIssued = PlatformTelemetry.Meter.CreateCounter<long>("reseller.billing.invoices_issued", description: "Invoices issued");
    public static readonly Counter<long> PaymentsSucceeded = PlatformTelemetry.Meter.CreateCounter<long>("reseller.billing.payments_succeeded", description: "Card payments that succeeded");
    public static readonly Counter<long> PaymentsFailed = PlatformTelemetry.Meter.CreateCounter<long>("reseller.billing.payments_failed", description: "Card payments that failed");
}
