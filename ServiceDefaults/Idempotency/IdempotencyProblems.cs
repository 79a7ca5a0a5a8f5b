using Reseller.ServiceDefaults.Problems;

namespace Reseller.ServiceDefaults.Idempotency;

/// <summary>The answers of the Idempotency-Key rules (docs/api.md), the same whether the middleware or an endpoint gives them.</summary>
public static class IdempotencyProblems
{
    public static ProblemException KeyReused() => ProblemException.Unprocessable("idempotency-key-reused",
        "This Idempotency-Key was used with another request.", "Use a new key for a different request.");

    public static ProblemException KeyInFlight() => ProblemException.Conflict("idempotency-key-in-flight",
        "A request with this Idempotency-Key is still being processed.", "Retry once it has finished.");
}
