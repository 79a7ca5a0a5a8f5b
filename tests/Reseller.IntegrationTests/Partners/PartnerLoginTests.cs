using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using Reseller.Partners.Data;
using Reseller.Partners.Users;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Problems;
using Reseller.ServiceDefaults.Tokens;

using Partner = Reseller.Partners.Organisations.Partner;

namespace Reseller.IntegrationTests.Partners;

public sealed class PartnerLoginTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private const string Password = "a partner's own secret";
    private const int OwaspIterations = 210_000;

    [Fact]
    public async Task An_unknown_email_costs_a_password_verification_as_a_wrong_password_does()
    {
        await using var db = await DatabaseAsync();
        var hasher = new CountingHasher(Hasher(1_000));

        var refused = await Assert.ThrowsAsync<ProblemException>(() => LogInAsync(db, hasher, $"nobody-{Guid.NewGuid():N}@agency.test", Password));

        Assert.Equal(401, refused.Status);
        Assert.Equal(1, hasher.Verifications);
    }

    [Fact]
    public async Task A_hash_made_with_fewer_iterations_still_logs_in_and_is_upgraded_on_that_login()
    {
        await using var db = await DatabaseAsync();
        var email = $"owner-{Guid.NewGuid():N}@agency.test";
        var partner = Partner.Create("Agency", email, "FR", "USD", DateTimeOffset.UtcNow);
        var user = PartnerUser.Create(partner.Id, email, PartnerRoles.Owner, DateTimeOffset.UtcNow);
        user.SetPasswordHash(Hasher(100_000).HashPassword(user, Password));
        db.Partners.Add(partner);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var today = Hasher(OwaspIterations);

        var token = await LogInAsync(db, today, email, Password);

        Assert.False(string.IsNullOrEmpty(token.AccessToken));
        db.ChangeTracker.Clear();
        var stored = (await db.Users.SingleAsync(u => u.Id == user.Id)).PasswordHash;
        Assert.Equal(PasswordVerificationResult.Success, today.VerifyHashedPassword(user, stored, Password));
        Assert.Equal(OwaspIterations, (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(stored).AsSpan(5)));
    }

    private static async Task<IssuedToken> LogInAsync(PartnersDb db, IPasswordHasher<PartnerUser> hasher, string email, string password)
    {
        var scopes = new ServiceCollection().AddSingleton(db).BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();
        using var keys = new SigningKeyRing(new DatabaseSigningKeyStore<PartnersDb>(scopes), TimeProvider.System);
        var tokens = new PlatformTokenIssuer(keys, new ServiceIdentity("partners"), Options.Create(new PlatformTokenOptions()), TimeProvider.System);
        var answer = await AuthApi.IssueTokenAsync(new TokenRequest(email, password), db, hasher, tokens, TimeProvider.System, CancellationToken.None);
        return answer.Value!;
    }

    private async Task<PartnersDb> DatabaseAsync()
    {
        var options = DatabaseExtensions.Configure(new DbContextOptionsBuilder<PartnersDb>(), await infrastructure.CreateDatabaseAsync<PartnersDb>("partners_login")).Options;
        var db = new PartnersDb((DbContextOptions<PartnersDb>)options);
        await db.Database.MigrateAsync();
        return db;
    }

    private static PasswordHasher<PartnerUser> Hasher(int iterations) => new(Options.Create(new PasswordHasherOptions { IterationCount = iterations }));

    private sealed class CountingHasher(IPasswordHasher<PartnerUser> inner) : IPasswordHasher<PartnerUser>
    {
        public int Verifications { get; private set; }

        public string HashPassword(PartnerUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PartnerUser user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
