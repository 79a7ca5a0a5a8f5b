using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Billing;

/// <summary>
/// The platform's account-scoped token (kind account_user, account_id, partner_id) signed with Accounts' own key, as its
/// account login does; valid from the platform clock's now, which the sandbox may have moved forward.
/// </summary>
public static class AccountTokens
{
    public static Task<string> MintAsync(ResellerSystem system, string partnerId, string accountId, DateTimeOffset now) =>
        IssuerSignedTokens.SignAsync(system, "accounts", new()
        {
            ["kind"] = "account_user",
            ["account_id"] = Raw(accountId),
            ["partner_id"] = Raw(partnerId),
            ["sub"] = Guid.NewGuid().ToString(),
            ["sv"] = "0",
        }, now, TimeSpan.FromHours(1));

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

    private static string Raw(string publicId) => publicId[(publicId.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
