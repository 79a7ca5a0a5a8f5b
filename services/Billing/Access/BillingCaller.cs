using System.Security.Claims;

using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Access;

/// <summary>
/// Who is asking, from the validated token only: a partner (its user or API key), or a customer signed in to one account
/// (an account-scoped token). Partners see partner-paid money; a customer sees its own account's customer-paid money.
/// </summary>
public sealed record BillingCaller(Guid PartnerId, Guid? AccountId)
{
    public bool IsCustomer => AccountId is not null;

    public static BillingCaller From(ClaimsPrincipal user)
    {
        var partnerId = user.PartnerId();
        if (user.FindFirst(PlatformClaims.Kind)?.Value != PlatformClaims.AccountUserKind)
        {
            return new BillingCaller(partnerId, null);
        }
        return Guid.TryParse(user.FindFirst(PlatformClaims.AccountId)?.Value, out var accountId)
            ? new BillingCaller(partnerId, accountId)
            : throw new ProblemException(403, "forbidden", "This credential does not name its account.");
    }
}
