using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Organisations;

public static class PartnerProblems
{
    public static ProblemException Suspended() =>
        new(403, "partner-suspended", "The partner is suspended.", "Its users cannot sign in until the platform operator reactivates it.");
}
