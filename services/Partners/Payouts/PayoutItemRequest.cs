namespace Reseller.Partners.Payouts;

/// <summary>One statement to pay: our item id (the statement's), the receiver's PayPal e-mail, the amount in minor units.</summary>
public sealed record PayoutItemRequest(string SenderItemId, string Receiver, long Amount, string Currency, string Note);
