using System.Diagnostics.Metrics;

namespace Reseller.ServiceDefaults.Telemetry;

/// <summary>The metrics every service shares (messaging, idempotency, logins, outbox, error queues).</summary>
public static class PlatformMetrics
{
    public static readonly Counter<long> InboxDuplicates = PlatformTelemetry.Meter.CreateCounter<long>(
        "reseller.inbox.duplicates", description: "Redelivered messages the inbox dropped as already processed");

    public static readonly Counter<long> ConsumerFaults = PlatformTelemetry.Meter.CreateCounter<long>(
        "reseller.consumer.faults", description: "Messages a consumer failed on after its retries (moved to an _error queue)");

    public static readonly Counter<long> MessagesDeferred = PlatformTelemetry.Meter.CreateCounter<long>(
        "reseller.messages.deferred", description: "Messages waiting for an earlier event, sent back to their queue for a later try");

    public static readonly Counter<long> IdempotencyReplays = PlatformTelemetry.Meter.CreateCounter<long>(
        "reseller.idempotency.replays", description: "POST requests answered from the idempotency store (Idempotent-Replayed)");

    public static readonly Counter<long> LoginsLockedOut = PlatformTelemetry.Meter.CreateCounter<long>(
        "reseller.logins.locked_out", description: "Logins locked after too many failed passwords");

    public static readonly GaugeReadings<long> OutboxPendingReadings = new();
    public static readonly GaugeReadings<double> OutboxOldestAgeReadings = new();
    public static readonly GaugeReadings<long> ErrorQueueDepthReadings = new();

    public static readonly ObservableGauge<long> OutboxPending = PlatformTelemetry.Meter.CreateObservableGauge(
        "reseller.outbox.pending", OutboxPendingReadings.Read, description: "Outbox messages not yet published to the broker");

    public static readonly ObservableGauge<double> OutboxOldestAge = PlatformTelemetry.Meter.CreateObservableGauge(
        "reseller.outbox.oldest_age", OutboxOldestAgeReadings.Read, unit: "s", description: "Age of the oldest unpublished outbox message (0 when none)");

    public static readonly ObservableGauge<long> ErrorQueueDepth = PlatformTelemetry.Meter.CreateObservableGauge(
        "reseller.error_queue.depth", ErrorQueueDepthReadings.Read, description: "Messages waiting in the service's _error queues, per queue");
}
