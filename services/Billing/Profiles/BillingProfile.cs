namespace Reseller.Billing.Profiles;

/// <summary>A partner's card, known only by the provider's token, brand, last 4 digits and expiry.</summary>
public sealed class BillingProfile
{
    public Guid Id { get; private set; }
    public Guid PartnerId { get; private set; }

    /// <summary>Set for a customer's own card: it belongs to that account, and its partner never sees or uses it.</summary>
    public Guid? AccountId { get; private set; }
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

    public void Delete(DateTimeOffset now) => DeletedAt ??= now;
}
