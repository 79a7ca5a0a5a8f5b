using Reseller.Contracts.Accounts;

namespace Reseller.Billing.Profiles;

/// <summary>
/// A card, known only by the provider's token, brand, last 4 digits and expiry: a partner's, or (AccountId set) a
/// customer's own for its account. A referral signup's card starts without an owner until its account is known.
/// </summary>
public sealed class BillingProfile
{
    public Guid Id { get; private set; }
    public Guid PartnerId { get; private set; }

    /// <summary>Set for a customer's own card: it belongs to that account, and its partner never sees or uses it.</summary>
    public Guid? AccountId { get; private set; }

    /// <summary>A referral signup's card, made before its account exists: owned by nobody until that account adopts it.</summary>
    public bool AwaitingOwner { get; private set; }
    public string Name { get; private set; } = "";
    public string ProviderToken { get; private set; } = "";
    public string Brand { get; private set; } = "";
    public string Last4 { get; private set; } = "";
    public int ExpMonth { get; private set; }
    public int ExpYear { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }

    private BillingProfile()
    {
    }

    public static BillingProfile Create(Guid partnerId, Guid? accountId, string name, Payments.TokenizedCard card, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnerId = partnerId,
        AccountId = accountId,
        Name = name,
        ProviderToken = card.Token,
        Brand = card.Brand,
        Last4 = card.Last4,
        ExpMonth = card.ExpMonth,
        ExpYear = card.ExpYear,
        CreatedAt = now,
    };

    /// <summary>A referral customer's card: a placeholder partner id nobody has, and no account until one adopts it.</summary>
    public static BillingProfile CreateAwaitingOwner(string name, Payments.TokenizedCard card, DateTimeOffset now)
    {
        var profile = Create(Guid.CreateVersion7(), accountId: null, name, card, now);
        profile.AwaitingOwner = true;
        return profile;
    }

    /// <summary>The account it pays for takes the card as its customer's own; false for a card that already has an owner.</summary>
    public bool AdoptBy(Guid partnerId, Guid accountId)
    {
        if (!AwaitingOwner)
        {
            return false;
        }
        PartnerId = partnerId;
        AccountId = accountId;
        AwaitingOwner = false;
        return true;
    }

    /// <summary>
    /// The customer's own copy of a card its partner entered for it when creating its customer-paid account: the same
    /// provider token, owned by the account, so the partner's profile stays the partner's and pays only the partner's bills.
    /// </summary>
    public BillingProfile CopyFor(Guid accountId, DateTimeOffset now) =>
        Create(PartnerId, accountId, Name, new Payments.TokenizedCard(ProviderToken, Brand, Last4, ExpMonth, ExpYear), now);

    /// <summary>
    /// Whether the payer of an invoice may be charged on this card: a customer only on its account's own card, a partner
    /// only on one of its own partner cards (never a customer's, nor a card awaiting its owner).
    /// </summary>
    public bool MayPayFor(string payer, Guid partnerId, Guid? accountId) =>
        !AwaitingOwner && PartnerId == partnerId && (payer == Payers.Customer ? accountId is not null && AccountId == accountId : AccountId is null);

    /// <summary>
    /// Whether a new account of the partner may name this card at all: one of that partner's own cards or the account's
    /// own, never another partner's nor another account's; a referral card awaiting its owner only for a customer payer.
    /// </summary>
    public bool MayBeNamedBy(string payer, Guid partnerId, Guid accountId) =>
        AwaitingOwner
            ? payer == Payers.Customer
            : PartnerId == partnerId && (AccountId is null || AccountId == accountId);

    public void Delete(DateTimeOffset now) => DeletedAt ??= now;
}
