using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.ResoldAccounts;

/// <summary>"Access follows the account" (docs/business-rules.md): its logins and links work only while it is in service.</summary>
public sealed partial class Account
{
    public const string NotInServiceProblem = "account-not-in-service";

    /// <summary>
    /// In service: trial, active, payment_failed (dunning of a period once paid) and cancelled (until its period ends). A
    /// moved-out account is <c>transferred</c> for its former partner, who keeps no way in (its partner id is gone, its
    /// admin password was replaced, its links withdrawn), while it runs on for its stand-alone owner: so it is in service.
    /// Pending, expired, and payment_failed before the opening charge ever succeeded are not.
    /// </summary>
    public bool IsInService => Status switch
    {
        AccountStatus.Trial or AccountStatus.Active or AccountStatus.Cancelled or AccountStatus.Transferred => true,
        AccountStatus.PaymentFailed => !AwaitsOpeningCharge,
        _ => false,
    };

    /// <summary>403 for a caller who proved a credential of an account that is not in service: the account is closed to everyone.</summary>
    public void EnsureInService()
    {
        if (IsInService)
        {
            return;
        }
        var why = Status == AccountStatus.Expired
            ? "It has expired; its partner brings it back by changing its plan to a paid cadence."
            : "It opens once the charge for its plan succeeds.";
        throw new ProblemException(403, NotInServiceProblem, "This account is not in service.",
            $"Logins and links of this account work only while it is in service; it is {AccountStatuses.NameOf(Status)}. {why}");
    }
}
