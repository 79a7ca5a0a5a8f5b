using Reseller.Contracts.Credits;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Ledger;

/// <summary>The {kind} of a route: prepaid, sms or compatibility; anything else is an unknown resource.</summary>
public static class CreditKindNames
{
    public static CreditKind Parse(string kind) => kind switch
    {
        CreditKinds.Prepaid => CreditKind.Prepaid,
        CreditKinds.Sms => CreditKind.Sms,
        CreditKinds.Compatibility => CreditKind.Compatibility,
        _ => throw new ProblemException(404, "not-found", "Not found", "Credit kinds are prepaid, sms and compatibility."),
    };

    public static string Name(CreditKind kind) => kind switch
    {
        CreditKind.Prepaid => CreditKinds.Prepaid,
        CreditKind.Sms => CreditKinds.Sms,
        _ => CreditKinds.Compatibility,
    };
}
