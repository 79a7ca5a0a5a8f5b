namespace Reseller.Contracts.Partners;

/// <summary>
/// A partner earned (positive <see cref="Amount"/>) or lost (negative, a credit note's pro-rata reversal) commission or
/// cashback on a paid invoice. <see cref="Kind"/> is <c>commission</c> (referral, 20 % for 12 months), <c>cashback</c>
/// (payer customer, 15 %) or <c>reversal</c>.
/// </summary>
public sealed record CommissionEarned(
    Guid EarningId,
    Guid PartnerId,
    Guid? AccountId,
    Guid InvoiceId,
    string Kind,
    long Amount,
    string Currency,
    DateOnly Month,
    DateTimeOffset EarnedAt);
