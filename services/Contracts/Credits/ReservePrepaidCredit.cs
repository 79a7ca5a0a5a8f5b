namespace Reseller.Contracts.Credits;

/// <summary>
/// Billing asks Credits to hold up to <see cref="Amount"/> minor units of the partner's prepaid credit for an invoice: the
/// account's earmarked credit first, then the general pool. <see cref="ReservationId"/> is Billing's payment attempt id, so
/// a request delivered or sent twice holds credit once and gets the same answer (<see cref="PrepaidCreditReserved"/>): what
/// is still held, 0 once released. Sent again while held, it restarts the hold (a charge that takes long asks again).
/// </summary>
public sealed record ReservePrepaidCredit(Guid ReservationId, Guid PartnerId, Guid? AccountId, Guid InvoiceId, long Amount, string Currency);
