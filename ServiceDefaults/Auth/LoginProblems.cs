using Reseller.ServiceDefaults.Problems;

namespace Reseller.ServiceDefaults.Auth;

public static class LoginProblems
{
    public static ProblemException LockedOut(TimeSpan remaining) =>
        new(423, "locked-out", "Too many failed attempts.",
            $"Login is locked; try again in {Math.Ceiling(remaining.TotalSeconds)} seconds.")
        {
            RetryAfter = remaining,
        };

    public static ProblemException InvalidCredentials() =>
        new(401, "invalid-credentials", "The e-mail or password is wrong.");
}
