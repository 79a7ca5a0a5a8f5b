using Microsoft.AspNetCore.Cryptography.KeyDerivation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

using Reseller.Accounts.ResoldAccounts;
using Reseller.ServiceDefaults.Auth;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class GeneratedSecretHashTests
{
    [Fact]
    public void A_generated_admin_password_has_at_least_128_random_bits_and_a_fast_hash_that_verifies_only_itself()
    {
        var password = GeneratedPassword.New();
        var hash = GeneratedSecretHash.Of(password, GeneratedPassword.EntropyBits);

        Assert.True(GeneratedPassword.EntropyBits >= 128);
        Assert.StartsWith(GeneratedSecretHash.Prefix, hash, StringComparison.Ordinal);
        Assert.True(GeneratedSecretHash.Matches(hash, password));
        Assert.False(GeneratedSecretHash.Matches(hash, password + "x"));
        Assert.False(GeneratedSecretHash.Matches(hash, GeneratedPassword.New()));
    }

    [Fact]
    public void A_secret_of_fewer_than_128_random_bits_is_refused_a_fast_hash()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GeneratedSecretHash.Of("correct horse battery", 44));
    }

    [Fact]
    public void The_platform_hasher_puts_every_password_it_is_given_through_pbkdf2_and_verifies_both_kinds_of_hash()
    {
        var hasher = new PlatformPasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        var generated = GeneratedPassword.New();
        var fast = GeneratedSecretHash.Of(generated, GeneratedPassword.EntropyBits);
        var human = hasher.HashPassword(null!, "a human's password");

        Assert.Equal((KeyDerivationPrf.HMACSHA512, 1_000), PasswordHashIterationsTests.Parameters(human));
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(null!, human, "a human's password"));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(null!, human, generated));
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(null!, fast, generated));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(null!, fast, "a human's password"));
        Assert.True(PasswordCheck.Verify(hasher, new object(), fast, generated, out var upgraded));
        Assert.Null(upgraded);
    }
}
