using MassTransit;

namespace Reseller.ServiceDefaults.Messaging;

/// <summary>Headers the outbox dispatcher sets on what it sends.</summary>
public static class OutboxHeaders
{
    /// <summary>On a deferred message: how many times it has been deferred so far.</summary>
    public const string Deferrals = "Reseller-Deferrals";

    /// <summary>How many times the message was deferred before this delivery (0 for one never deferred).</summary>
    public static int DeferralsOf(ConsumeContext context) => context.Headers.Get<int>(Deferrals) ?? 0;
}
