using System.Diagnostics.Metrics;

using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.Billing;

/// <summary>Billing's business metrics, exported with the platform meter.</summary>
public static class BillingMetrics
{
    public static readonly Counter<long> InvoicesIssued = PlatformTelemetry.Meter.CreateCounter<long>(
        "reseller.invoices.issued", description: "Invoices issued, by purpose");

    public static readonly Counter<long> Payments = PlatformTelemetry.Meter.CreateCounter<long>(
        "reseller.payments", description: "Card payment attempts recorded, by outcome (succeeded, failed, unmatched)");

    public static readonly Histogram<double> ChargeDuration = PlatformTelemetry.Meter.CreateHistogram<double>(
        "reseller.charge.duration", unit: "s", description: "Time to charge a payment attempt (prepaid reservation and card provider)");

    public static readonly GaugeReadings<double> RenewalLagReadings = new();
    public static readonly GaugeReadings<long> DunningBacklogReadings = new();
    public static readonly GaugeReadings<long> UnreconciledPaymentsReadings = new();

    public static readonly ObservableGauge<double> RenewalLag = PlatformTelemetry.Meter.CreateObservableGauge(
        "reseller.renewal.lag", RenewalLagReadings.Read, unit: "s", description: "Age of the oldest due account not yet renewed (0 when none)");

    public static readonly ObservableGauge<long> DunningBacklog = PlatformTelemetry.Meter.CreateObservableGauge(
        "reseller.dunning.backlog", DunningBacklogReadings.Read, description: "Open invoices waiting for a dunning retry");

    public static readonly ObservableGauge<long> UnreconciledPayments = PlatformTelemetry.Meter.CreateObservableGauge(
        "reseller.payments.unreconciled", UnreconciledPaymentsReadings.Read,
        description: "Payment attempts pending and card refunds unsettled past the provider's idempotency window: never sent again, to reconcile by hand");

    public static void CountInvoice(string purpose) => InvoicesIssued.Add(1, new KeyValuePair<string, object?>("purpose", purpose));

    /// <summary>Counts a recorded attempt (<see cref="Payments.PaymentOutcomes"/>); called once its transaction committed.</summary>
    public static void CountPayment(string outcome) => Payments.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
