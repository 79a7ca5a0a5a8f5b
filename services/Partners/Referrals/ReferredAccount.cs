namespace Reseller.Partners.Referrals;

/// <summary>An account a customer signed up for through a partner's referral link: a commission account.</summary>
public sealed class ReferredAccount
{
    public Guid AccountId { get; private set; }
    public Guid PartnerId { get; private set; }
    public DateTimeOffset ReferredAt { get; private set; }

    private ReferredAccount()
    {
    }

    public static ReferredAccount Create(Guid accountId, Guid partnerId, DateTimeOffset now) => new() { AccountId = accountId, PartnerId = partnerId, ReferredAt = now };
}
