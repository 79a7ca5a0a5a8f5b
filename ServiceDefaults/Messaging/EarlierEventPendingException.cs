namespace Reseller.ServiceDefaults.Messaging;

/// <summary>
/// The message depends on an earlier event this service has not consumed yet (a change to an account whose creation is still
/// on its way, a change numbered after one not applied). The endpoint retries it at once a few times, then redelivers it later
/// through the outbox (<see cref="DeferredRedelivery{TDb}"/>) instead of moving it to the error queue, where the change it
/// carries would wait for an operator, or be lost.
/// </summary>
public class EarlierEventPendingException(string message) : Exception(message);
