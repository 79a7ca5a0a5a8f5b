using System.Net;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.AccountUsers;

[RunsAlone]
public sealed class AccountLoginTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task The_admin_logs_in_with_the_password_handed_out_at_creation_and_gets_a_token_scoped_to_the_account()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);

        var claims = IdentityScenario.Claims(await client.AdminTokenAsync(account));

        Assert.Equal("account_user", claims["kind"]!.GetValue<string>());
        Assert.Equal("admin", claims["role"]!.GetValue<string>());
        Assert.Equal(account["id"]!.GetValue<string>(), "acc_" + Guid.Parse(claims["account_id"]!.GetValue<string>()).ToString("N"));
        Assert.Equal(partner.Id, "prt_" + Guid.Parse(claims["partner_id"]!.GetValue<string>()).ToString("N"));
        Assert.True(Guid.TryParse(claims["sub"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task Wrong_password_unknown_user_and_unknown_account_get_the_same_401()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var name = account["name"]!.GetValue<string>();

        foreach (var (acc, user, password) in new[] { (name, "admin", "wrong password!"), (name, "nobody@client.test", "wrong password!"), ("no-such-account-x", "admin", "wrong password!") })
        {
            var problem = await ProblemAssert.IsAsync(await client.AccountLoginAsync(acc, user, password), HttpStatusCode.Unauthorized);
            Assert.EndsWith("/invalid-credentials", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Five_failures_lock_the_account_login_for_five_minutes_even_for_the_right_password()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var name = account["name"]!.GetValue<string>();
        var password = account["login"]!["password"]!.GetValue<string>();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await ProblemAssert.IsAsync(await client.AccountLoginAsync(name, "admin", "wrong password " + attempt), HttpStatusCode.Unauthorized);
        }
        var locked = await client.AccountLoginAsync(name, "admin", password);
        var problem = await ProblemAssert.IsAsync(locked, HttpStatusCode.Locked);
        Assert.EndsWith("/locked-out", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        var retryAfter = int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 300);
        Assert.Equal(retryAfter, problem["retry_after_seconds"]!.GetValue<int>());

        await SandboxClock.MoveByAsync(client, TimeSpan.FromMinutes(5).Add(TimeSpan.FromSeconds(5)));

        Assert.False(string.IsNullOrEmpty(await client.AccountTokenAsync(name, "admin", password)));
    }

    [Fact]
    public async Task The_partner_sets_a_new_admin_password_which_replaces_the_old_one_and_lifts_a_lockout()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await client.CreateTrialAsync(partner);
        var id = account["id"]!.GetValue<string>();
        var name = account["name"]!.GetValue<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.AccountLoginAsync(name, "admin", "wrong password " + attempt);
        }

        var set = await client.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/admin-password", new { password = "a brand new secret" }, partner.Token);
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);

        Assert.False(string.IsNullOrEmpty(await client.AccountTokenAsync(name, "admin", "a brand new secret")));
        await ProblemAssert.IsAsync(await client.AccountLoginAsync(name, "admin", account["login"]!["password"]!.GetValue<string>()), HttpStatusCode.Unauthorized);
        var tooShort = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/admin-password", new { password = "short" }, partner.Token), HttpStatusCode.BadRequest);
        Assert.NotNull(tooShort["errors"]!["password"]);
    }

    public void Dispose() => client.Dispose();
}
