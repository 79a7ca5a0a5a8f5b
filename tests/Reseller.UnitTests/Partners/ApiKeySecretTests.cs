using Reseller.Partners.ApiKeys;
using Reseller.Partners.Referrals;
using Reseller.ServiceDefaults.Auth;

namespace Reseller.UnitTests.Partners;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void A_key_is_long_random_recognisable_and_kept_only_as_its_hash()
    {
        var one = ApiKeySecret.New();
        var two = ApiKeySecret.New();

        Assert.StartsWith("rsk_", one.Key, StringComparison.Ordinal);
        Assert.True(one.Key.Length >= 47);
        Assert.NotEqual(one.Key, two.Key);
        Assert.Equal(one.Key[..12], one.Prefix);
        Assert.Equal(64, one.Hash.Length);
        Assert.DoesNotContain(one.Key[4..], one.Hash, StringComparison.Ordinal);
        Assert.Equal(one.Hash, RandomSecret.HashOf(one.Key));
        Assert.True(ApiKeySecret.LooksLikeKey(one.Key));
        Assert.False(ApiKeySecret.LooksLikeKey("eyJhbGciOiJIUzI1NiJ9.e30.x"));
    }

    [Fact]
    public void Referral_codes_are_short_random_and_checked_before_any_lookup()
    {
        var code = ReferralCodes.New();

        Assert.Equal(ReferralCodes.Length, code.Length);
        Assert.True(ReferralCodes.IsWellFormed(code));
        Assert.False(ReferralCodes.IsWellFormed("short"));
        Assert.False(ReferralCodes.IsWellFormed("UPPERCASE123"));
        Assert.False(ReferralCodes.IsWellFormed(null));
    }
}
