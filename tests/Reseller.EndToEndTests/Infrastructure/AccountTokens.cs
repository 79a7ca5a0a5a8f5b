namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>
/// The platform's own tokens for a caller whose login is not what a flow tests, signed as their issuer signs them
/// (<see cref="IssuerSignedTokens"/>, with the issuer's current key): the flow then does not depend on how the login works.
/// </summary>
public static class AccountTokens
{
    /// <summary>
    /// An account user's token (kind account_user, account_id, partner_id), as Accounts' account login signs it; valid for an
    /// hour from <paramref name="now"/>, the platform clock's, which the sandbox may have moved forward.
    /// </summary>
    public static Task<string> MintAsync(ResellerSystem system, string partnerId, string accountId, DateTimeOffset now) =>
        IssuerSignedTokens.SignAsync(system, "accounts", new()
        {
            ["kind"] = "account_user",
            ["account_id"] = Raw(accountId),
            ["partner_id"] = Raw(partnerId),
            ["sub"] = Guid.NewGuid().ToString(),
            ["sv"] = "0",
        }, now, TimeSpan.FromHours(1));

    /// <summary>
    /// An account user's token (kind account_user, account_id) valid for ten years from this machine's now: other tests move
    /// the sandbox clock forward by months, and this one outlives every move.
    /// </summary>
    public static Task<string> LongLivedAsync(ResellerSystem system, string accountId) =>
        IssuerSignedTokens.SignAsync(system, "accounts", new()
        {
            ["kind"] = "account_user",
            ["account_id"] = Raw(accountId),
            ["sub"] = Guid.NewGuid().ToString(),
            ["sv"] = "0",
        }, DateTimeOffset.UtcNow, TimeSpan.FromDays(3650));

    /// <summary>A partner user with the member role, signed by Partners: may manage accounts, never see or spend the partner's money.</summary>
    public static Task<string> MintMemberAsync(ResellerSystem system, string partnerId, DateTimeOffset now) =>
        IssuerSignedTokens.SignAsync(system, "partners", new()
        {
            ["kind"] = "partner_user",
            ["role"] = "member",
            ["partner_id"] = Raw(partnerId),
            ["sub"] = Guid.NewGuid().ToString(),
            ["sv"] = "0",
        }, now, TimeSpan.FromHours(1));

    /// <summary>The id inside a public id (<c>acc_…</c>, <c>par_…</c>): what the platform's claims carry.</summary>
    private static string Raw(string publicId) => publicId[(publicId.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
