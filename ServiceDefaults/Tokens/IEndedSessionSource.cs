namespace Reseller.ServiceDefaults.Tokens;

/// <summary>An issuer's own list of sessions ended recently (within a token's lifetime), read from its database.</summary>
public interface IEndedSessionSource
{
    Task<IReadOnlyList<EndedSession>> RecentAsync(CancellationToken cancellationToken);
}
