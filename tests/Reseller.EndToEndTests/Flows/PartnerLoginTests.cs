using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows;

public sealed class PartnerLoginTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task Five_wrong_passwords_lock_the_login_and_refuse_even_the_right_one_telling_the_time_left()
    {
        var partner = await client.CreatePartnerAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.SendAsync(HttpMethod.Post, "/api/v1/auth/token", new { email = partner.Email, password = "wrong password " + attempt });
            await ProblemAssert.IsAsync(wrong, HttpStatusCode.Unauthorized);
        }

        var locked = await client.SendAsync(HttpMethod.Post, "/api/v1/auth/token", new { email = partner.Email, password = partner.Password });
        var problem = await ProblemAssert.IsAsync(locked, HttpStatusCode.Locked);
        Assert.EndsWith("/locked-out", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        var retryAfter = int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 290, 300);
        Assert.Equal(retryAfter, problem["retry_after_seconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_success_before_the_fifth_failure_resets_the_count()
    {
        var partner = await client.CreatePartnerAsync();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await client.SendAsync(HttpMethod.Post, "/api/v1/auth/token", new { email = partner.Email, password = "nope nope nope" });
        }
        await client.TokenAsync(partner.Email, partner.Password);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await client.SendAsync(HttpMethod.Post, "/api/v1/auth/token", new { email = partner.Email, password = "nope nope nope" });
        }

        Assert.False(string.IsNullOrEmpty(await client.TokenAsync(partner.Email, partner.Password)));
    }

    [Fact]
    public async Task Unknown_users_and_wrong_passwords_get_the_same_answer()
    {
        var unknown = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/auth/token",
            new { email = "nobody@agency.test", password = "whatever whatever" }), HttpStatusCode.Unauthorized);

        Assert.EndsWith("/invalid-credentials", unknown["type"]!.GetValue<string>(), StringComparison.Ordinal);

        // A NUL character, which PostgreSQL cannot hold, is bad input like any other: 400, not a database failure.
        var nul = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/auth/token",
            new { email = "nobody\u0000@agency.test", password = "whatever whatever" }), HttpStatusCode.BadRequest);
        Assert.NotNull(nul["errors"]!["email"]);
    }

    [Fact]
    public async Task The_partner_reads_its_own_profile_with_its_token()
    {
        var partner = await client.CreatePartnerAsync("Agence Dupont");

        var me = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/partners/me", token: partner.Token), HttpStatusCode.OK);

        Assert.Equal(partner.Id, me["id"]!.GetValue<string>());
        Assert.Equal("Agence Dupont", me["name"]!.GetValue<string>());
    }

    public void Dispose() => client.Dispose();
}
