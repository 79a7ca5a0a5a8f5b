namespace Reseller.Billing.Payments;

/// <summary>
/// The second port of the payment provider: cards saved by the provider's own browser form (a payment method id), for one
/// payer. The sandbox takes raw test cards instead (<see cref="AcceptsRawCards"/>) and refuses payment methods.
/// </summary>
public interface ICardVault
{
    bool AcceptsRawCards { get; }

    /// <summary>Attaches the payment method to the payer's customer at the provider (made on first use, or the one named).</summary>
    Task<TokenizedCard> SaveAsync(string paymentMethodId, CardHolder holder, CancellationToken cancellationToken);
}
