using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Referrals;

public static class FailedSignup
{
    /// <summary>
    /// Whether a referral signup that failed opened no account, so its record can go: Billing refused the card before Accounts
    /// was asked, or Accounts refused the account (a 4xx relayed). Accounts unreachable, timing out or answering something
    /// unreadable may have opened it and lost its answer: the signup then waits for the account's AccountCreated, which links
    /// it, so the account's invoices earn referral commission rather than cashback.
    /// </summary>
    public static bool NothingOpened(Exception failure, bool accountsAsked) =>
        !accountsAsked || failure is ProblemException { Status: < 500 };
}
