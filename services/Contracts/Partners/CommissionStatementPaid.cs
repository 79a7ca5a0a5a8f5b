namespace Reseller.Contracts.Partners;

/// <summary>The operator paid a partner's monthly commission statement out (PayPal), with its payout reference.</summary>
public sealed record CommissionStatementPaid(
    Guid StatementId,
    Guid PartnerId,
    DateOnly Month,
    long Total,
    string Currency,
    string PayoutReference,
    string PaypalEmail,
    DateTimeOffset PaidAt);
