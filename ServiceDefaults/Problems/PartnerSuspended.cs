namespace Reseller.ServiceDefaults.Problems;

/// <summary>The one answer to a suspended partner's sign-in and API keys, from Partners and from the gateway alike.</summary>
public static class PartnerSuspended
{
    public static ProblemException Problem() =>
        new(403, "partner-suspended", "The partner is suspended.", "Its users and API keys are refused until the platform operator reactivates it.");
}
