using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Credits;

/// <summary>
/// An account-scoped token signed with Accounts' own key, for the product's own calls; minted here so the credits flows do
/// not depend on how Accounts' login works.
/// </summary>
public static class AccountTokens
{
    public static Task<string> ForAsync(ResellerSystem system, string publicAccountId)
    {
        var accountId = Guid.ParseExact(publicAccountId["acc_".Length..], "N");
        // Far ahead: other tests move the sandbox clock forward by months.
        return IssuerSignedTokens.SignAsync(system, "accounts", new()
        {
            ["sub"] = Guid.NewGuid().ToString(),
            ["account_id"] = accountId.ToString(),
            ["kind"] = "account_user",
            ["sv"] = "0",
        }, DateTimeOffset.UtcNow, TimeSpan.FromDays(3650));
    }
}
