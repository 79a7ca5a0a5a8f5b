using System.Buffers.Binary;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cryptography.KeyDerivation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Reseller.Accounts;
using Reseller.Accounts.Users;
using Reseller.Partners.Users;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class PasswordHashIterationsTests
{
    [Fact]
    public void Partner_and_account_passwords_are_hashed_with_pbkdf2_sha512_at_owasps_210000_iterations()
    {
        var partners = Builder(Environments.Development,
            ("ConnectionStrings:partnersdb", "Host=127.0.0.1;Database=none"), ("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:5672"));
        Reseller.Partners.Extensions.AddPartnersService(partners);
        var accounts = Builder(Environments.Development);
        accounts.AddAccountIdentity();

        var partnerHash = partners.Services.BuildServiceProvider().GetRequiredService<IPasswordHasher<PartnerUser>>().HashPassword(null!, "a human's password");
        var accountHash = accounts.Services.BuildServiceProvider().GetRequiredService<IPasswordHasher<AccountUser>>().HashPassword(null!, "a human's password");

        Assert.Equal((KeyDerivationPrf.HMACSHA512, 210_000), Parameters(partnerHash));
        Assert.Equal((KeyDerivationPrf.HMACSHA512, 210_000), Parameters(accountHash));
    }

    /// <summary>The PRF and iteration count an ASP.NET Core V3 hash stores after its format marker (big-endian).</summary>
    public static (KeyDerivationPrf Prf, int Iterations) Parameters(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return ((KeyDerivationPrf)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)), (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
    }

    private static WebApplicationBuilder Builder(string environment, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        return builder;
    }
}
