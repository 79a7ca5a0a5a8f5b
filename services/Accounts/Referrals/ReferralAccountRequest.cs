using Reseller.Accounts.ResoldAccounts;

namespace Reseller.Accounts.Referrals;

/// <summary>Partners' internal request: open a commission account for the partner whose referral link the customer used.</summary>
public sealed record ReferralAccountRequest(Guid? PartnerId, CreateAccountRequest? Account);
