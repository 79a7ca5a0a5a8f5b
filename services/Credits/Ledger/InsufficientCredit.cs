using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Ledger;

public static class InsufficientCredit
{
    public static ProblemException Problem(CreditKind kind) => ProblemException.Unprocessable(
        "insufficient-credit", "Not enough credit", $"The {CreditKindNames.Name(kind)} balance does not cover this quantity.");
}
