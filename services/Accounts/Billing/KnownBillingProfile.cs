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

    /// <summary>Its owner, from its creation or its adoption by a referral's account; a deletion heard first stays.</summary>
    public void OwnedBy(Guid partnerId, Guid? accountId, DateTimeOffset now)
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
