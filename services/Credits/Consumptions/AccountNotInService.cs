using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Consumptions;

public static class AccountNotInService
{
    public static ProblemException Problem() => ProblemException.Unprocessable(
        "account-not-in-service", "This account is not in service",
        "Only an account in service (trial, active, payment_failed or cancelled) spends credit; a pending, expired or transferred one does not.");
}
