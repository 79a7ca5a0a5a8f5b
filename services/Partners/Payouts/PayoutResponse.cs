using Reseller.Partners.Commissions;

namespace Reseller.Partners.Payouts;

/// <summary>
/// A payout batch just sent: its id (the provider's <c>sender_batch_id</c>) and its statements, <c>processing</c>; those left
/// out because their partner has no PayPal e-mail are <c>held</c>.
/// </summary>
public sealed record PayoutResponse(string Id, IReadOnlyList<StatementResponse> Statements, IReadOnlyList<StatementResponse> Held);
