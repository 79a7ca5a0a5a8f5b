using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cryptography.KeyDerivation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

using Reseller.ServiceDefaults.Auth;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class PasswordHashingTests
{
    [Fact]
    public void Fewer_iterations_may_be_configured_for_tests_but_never_in_production()
    {
        var testing = Builder(Environments.Development, ("Passwords:Pbkdf2Iterations", "1000"));
        var production = Builder(Environments.Production, ("Passwords:Pbkdf2Iterations", "1000"));

        Assert.Equal(1000, PasswordHashing.IterationsFor(testing.Configuration, testing.Environment));
        Assert.Equal(PasswordHashing.OwaspPbkdf2Sha512Iterations, PasswordHashing.IterationsFor(production.Configuration, production.Environment));
    }

    [Fact]
    public void A_right_password_under_an_older_hash_still_verifies_and_comes_back_rehashed_with_todays_parameters()
    {
        var old = Hasher(10_000).HashPassword(null!, "correct horse");
        var today = Hasher(20_000);

        Assert.True(PasswordCheck.Verify(today, new object(), old, "correct horse", out var upgraded));
        Assert.Equal((KeyDerivationPrf.HMACSHA512, 20_000), PasswordHashIterationsTests.Parameters(upgraded!));
        Assert.Equal(PasswordVerificationResult.Success, today.VerifyHashedPassword(null!, upgraded!, "correct horse"));

        Assert.False(PasswordCheck.Verify(today, new object(), old, "wrong horse", out var notUpgraded));
        Assert.Null(notUpgraded);
        Assert.True(PasswordCheck.Verify(today, new object(), upgraded, "correct horse", out var current));
        Assert.Null(current);
    }

    [Fact]
    public void An_unknown_user_costs_one_password_verification_like_a_wrong_password()
    {
        var hasher = new CountingHasher(Hasher(1_000));

        Assert.False(PasswordCheck.Verify(hasher, null, null, "anything", out _));
        Assert.False(PasswordCheck.Verify(hasher, new object(), "", "anything", out _));

        Assert.Equal(2, hasher.Verifications);
    }

    private static PasswordHasher<object> Hasher(int iterations) => new(Options.Create(new PasswordHasherOptions { IterationCount = iterations }));

    private static WebApplicationBuilder Builder(string environment, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        return builder;
    }

    private sealed class CountingHasher(IPasswordHasher<object> inner) : IPasswordHasher<object>
    {
        public int Verifications { get; private set; }

        public string HashPassword(object user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(object user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
