using Reseller.ServiceDefaults.Auth;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class RandomSecretTests
{
    [Fact]
    public void A_secret_is_256_random_bits_in_base64url_behind_its_prefix()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => RandomSecret.New()).ToList();
        var key = RandomSecret.New("rsk_");

        Assert.All(secrets, s => Assert.Matches("^[A-Za-z0-9_-]{43}$", s));
        Assert.Equal(100, secrets.Distinct(StringComparer.Ordinal).Count());
        Assert.Matches("^rsk_[A-Za-z0-9_-]{43}$", key);
        Assert.True(key.Length <= RandomSecret.MaxLength);
    }

    [Fact]
    public void A_secret_is_kept_as_its_lowercase_hex_sha256()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", RandomSecret.HashOf("abc"));

        var secret = RandomSecret.New();
        Assert.Equal(RandomSecret.HashOf(secret), RandomSecret.HashOf(secret));
        Assert.NotEqual(RandomSecret.HashOf(secret), RandomSecret.HashOf(RandomSecret.New()));
    }
}
