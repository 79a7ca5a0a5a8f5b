namespace Reseller.Contracts.Accounts;

/// <summary>
/// An account's status changed, whatever caused it (a first charge settled, a renewal failed, a cancellation, an expiry,
/// a renewal after cancelling, a transfer). Published by Accounts for every change, so other services follow it from here.
/// </summary>
public sealed record AccountStatusChanged(
    Guid AccountId,
    Guid PartnerId,
    string PreviousStatus,
    string Status,
    string Cadence,
    string Payer,
    DateTimeOffset ChangedAt);
