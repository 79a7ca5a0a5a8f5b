using Reseller.Accounts.Tokens;
using Reseller.ServiceDefaults.Auth;

namespace Reseller.UnitTests.Accounts.Identity;

public sealed class OneTimeTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_is_usable_once_and_only_before_it_expires()
    {
        var token = OneTimeToken.Create(TokenPurposes.LoginLink, Guid.NewGuid(), Guid.NewGuid(), "secret", "partner_user:x", Now, TimeSpan.FromSeconds(60));

        Assert.False(token.IsUsable(Now.AddSeconds(60)));
        Assert.True(token.IsUsable(Now.AddSeconds(59)));
        token.Use(Now.AddSeconds(59));
        Assert.False(token.IsUsable(Now.AddSeconds(59)));
        Assert.Throws<InvalidOperationException>(() => token.Use(Now.AddSeconds(59)));
    }

    [Fact]
    public void Secrets_are_long_url_safe_and_distinct()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => RandomSecret.New()).ToList();

        Assert.Equal(100, secrets.Distinct().Count());
        Assert.All(secrets, s => Assert.Matches("^[A-Za-z0-9_-]{43}$", s));
        Assert.Equal(64, RandomSecret.HashOf(secrets[0]).Length);
    }
}
