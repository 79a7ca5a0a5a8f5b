namespace Reseller.ServiceDefaults.Problems;

/// <summary>
/// The answer for a one-time link (invitation, reset, log-in-as, confirmation) that existed but was used, replaced or has
/// expired: 410 Gone, so its holder knows to ask for a new one. A link that never existed is a plain 404.
/// </summary>
public static class SpentLink
{
    public static ProblemException Problem() =>
        new(410, "link-expired", "This link is no longer valid.", "It was already used, replaced or has expired; ask for a new one.");
}
