namespace Reseller.Partners.Referrals;

/// <summary>
/// A customer signing up through a partner's referral link: a commission account. Recorded by account name before
/// Accounts creates the account, and tied to the account's id as soon as either the signup's answer or Accounts'
/// AccountCreated arrives, so no paid invoice of the account can be seen before it is known as a commission account.
/// </summary>
public sealed class ReferralSignup
{
    public Guid Id { get; private set; }
    public Guid PartnerId { get; private set; }
    public string AccountName { get; private set; } = "";
    public Guid? AccountId { get; private set; }
    public DateTimeOffset SignedUpAt { get; private set; }

    private ReferralSignup()
    {
    }

    public static ReferralSignup Start(Guid partnerId, string accountName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnerId = partnerId,
        AccountName = accountName,
        SignedUpAt = now,
    };

    public void Opened(Guid accountId, DateTimeOffset createdAt)
    {
        AccountId = accountId;
        SignedUpAt = createdAt;
    }
}
