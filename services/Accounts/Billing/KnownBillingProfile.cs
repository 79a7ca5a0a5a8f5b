namespace Reseller.Accounts.Billing;

/// <summary>
/// A card Accounts has heard of through Billing's events: whose it is (a partner's own, or with AccountId a customer's
/// own), and whether it was deleted. Enough to check a card named in a request without calling Billing.
/// </summary>
public sealed class KnownBillingProfile
{
    public Guid Id { get; private set; }
    public Guid? PartnerId { get; private set; }
    public Guid? AccountId { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private KnownBillingProfile()
    {
    }

    public static KnownBillingProfile Unknown(Guid id, DateTimeOffset now) => new() { Id = id, UpdatedAt = now };

    /// <summary>
    /// Its owner at creation: a partner's own card, or with AccountId a customer's. Heard after the card's adoption (events of
    /// one card may be consumed in any order) it changes nothing: an adopted card never goes back to the partner.
    /// </summary>
    public void Created(Guid partnerId, Guid? accountId, DateTimeOffset now)
    {
        if (PartnerId is not null)
        {
            return;
        }

        PartnerId = partnerId;
        AccountId = accountId;
        UpdatedAt = now;
    }

    /// <summary>A referral's card, adopted by the account it opened: from then on the customer's own. Adoption is final.</summary>
    public void Adopted(Guid partnerId, Guid accountId, DateTimeOffset now)
    {
        PartnerId = partnerId;
        AccountId = accountId;
        UpdatedAt = now;
    }

    public void Deleted(DateTimeOffset now)
    {
        DeletedAt ??= now;
        UpdatedAt = now;
    }

    /// <summary>Known well enough to answer: its owner was heard of, or its deletion.</summary>
    public bool IsSettled => PartnerId is not null || DeletedAt is not null;

    /// <summary>As Billing decides it: a partner names its own cards, a customer its account's own; never each other's.</summary>
    public bool BelongsTo(Guid partnerId, Guid? accountId) =>
        DeletedAt is null && PartnerId == partnerId && AccountId == accountId;
}
