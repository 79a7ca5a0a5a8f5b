namespace Reseller.Contracts.Accounts;

/// <summary>
/// Who pays for an account changed (partner ↔ customer); it applies from the next invoice. A customer-paid account is
/// charged to <see cref="BillingProfileId"/>, the customer's own card, and invoiced to <see cref="BillTo"/> in
/// <see cref="Language"/> (both absent from older messages). <see cref="ChangedBy"/> says which side made the switch
/// (partner or customer; absent from older messages, which hand nothing over): only a partner taking payment back takes
/// over what its client owes.
/// </summary>
public sealed record PayerChanged(
    Guid AccountId,
    Guid PartnerId,
    string PreviousPayer,
    string Payer,
    Guid? BillingProfileId,
    string NotificationEmail,
    DateTimeOffset ChangedAt,
    CustomerBillTo? BillTo = null,
    string? Language = null,
    string? ChangedBy = null);
