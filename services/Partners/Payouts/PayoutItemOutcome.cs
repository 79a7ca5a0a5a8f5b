namespace Reseller.Partners.Payouts;

/// <summary>Where one item of a batch stands, with the provider's item id (the payout reference) and why it failed.</summary>
public sealed record PayoutItemOutcome(string SenderItemId, PayoutItemStatus Status, string? ProviderItemId, string? Reason);
