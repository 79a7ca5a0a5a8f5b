using System.Diagnostics.CodeAnalysis;

using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Tokens;

/// <summary>
/// The answers for a mailed or handed-out one-time link: 404 for one that never existed (docs/api.md's "unknown"), 410 Gone for
/// one that did but was used, replaced or has expired, so the person holding it knows to ask for a new one.
/// </summary>
public static class OneTimeLinks
{
    public static void EnsureLive([NotNull] object? link, bool live)
    {
        if (link is null)
        {
            throw ProblemException.NotFound("link");
        }
        if (!live)
        {
            throw SpentLink.Problem();
        }
    }
}
