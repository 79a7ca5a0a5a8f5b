using System.Net;

using Reseller.AppHost;
using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows;

public sealed class IdempotencyTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_retried_account_creation_replays_the_first_answer_and_charges_once()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var body = GatewayClient.MarketingPlusMonthly(GatewayClient.NewAccountName(), profileId);
        var key = Guid.NewGuid().ToString();

        var first = await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", body, partner.Token, idempotencyKey: key);
        var retry = await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", body, partner.Token, idempotencyKey: key);

        var created = await GatewayClient.JsonAsync(first, HttpStatusCode.Created);
        var replayed = await GatewayClient.JsonAsync(retry, HttpStatusCode.Created);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        // The generated password is shown once: the replay is the same answer without it, and it is never stored.
        var password = created["login"]!["password"]!.GetValue<string>();
        Assert.Null(replayed["login"]!["password"]);
        created["login"]!["password"] = null;
        Assert.Equal(created.ToJsonString(), replayed.ToJsonString());
        Assert.True(first.Headers.CacheControl!.NoStore);
        Assert.Equal(0, await StoredAnswersContainingAsync("accountsdb", password));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);

        var accountId = created["id"]!.GetValue<string>();
        await client.WaitForAccountAsync(partner, accountId, a => a["status"]!.GetValue<string>() == "active", TimeSpan.FromSeconds(45));
        var invoices = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/invoices?account_id={accountId}", token: partner.Token), HttpStatusCode.OK);
        Assert.Single(invoices["data"]!.AsArray());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_with_422()
    {
        var partner = await client.CreatePartnerAsync();
        var key = Guid.NewGuid().ToString();

        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles",
            new { name = "First", card = new { number = GatewayClient.GoodCard, exp_month = 12, exp_year = GatewayClient.CardExpiryYear, cvc = "123" } }, partner.Token, idempotencyKey: key), HttpStatusCode.Created);
        var problem = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles",
            new { name = "Second", card = new { number = GatewayClient.GoodCard, exp_month = 12, exp_year = GatewayClient.CardExpiryYear, cvc = "123" } }, partner.Token, idempotencyKey: key), HttpStatusCode.UnprocessableEntity);

        Assert.EndsWith("/idempotency-key-reused", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_request_is_kept_only_as_a_keyed_hash_that_still_tells_another_card_apart()
    {
        var partner = await client.CreatePartnerAsync();
        var key = Guid.NewGuid().ToString();
        static string Body(string number) =>
            "{\"name\":\"Card\",\"card\":{\"number\":\"" + number + "\",\"exp_month\":12,\"exp_year\":" + GatewayClient.CardExpiryYear + ",\"cvc\":\"123\"}}";

        var first = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles", Body(GatewayClient.GoodCard), partner.Token, idempotencyKey: key), HttpStatusCode.Created);
        var retry = await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles", Body(GatewayClient.GoodCard), partner.Token, idempotencyKey: key);
        Assert.Equal(first["id"]!.GetValue<string>(), (await GatewayClient.JsonAsync(retry, HttpStatusCode.Created))["id"]!.GetValue<string>());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var otherCard = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles", Body("4000000000000341"), partner.Token, idempotencyKey: key),
            HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("/idempotency-key-reused", otherCard["type"]!.GetValue<string>(), StringComparison.Ordinal);

        // Nobody holding the database can test guessed card numbers against the stored hash: it is not a plain SHA-256.
        await using var connection = new Npgsql.NpgsqlConnection(system.App.GetConnectionString(ResellerResources.BillingDb));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT request_hash FROM idempotency_keys WHERE key = @key", connection);
        command.Parameters.AddWithValue("key", key);
        var stored = (string)(await command.ExecuteScalarAsync())!;
        var unkeyed = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes("POST /api/v1/billing-profiles\n" + Body(GatewayClient.GoodCard))));
        Assert.NotEqual(unkeyed, stored);
        Assert.DoesNotContain(GatewayClient.GoodCard, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_belong_to_their_partner()
    {
        var first = await client.CreatePartnerAsync();
        var second = await client.CreatePartnerAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { name = "Card", card = new { number = GatewayClient.GoodCard, exp_month = 12, exp_year = GatewayClient.CardExpiryYear, cvc = "123" } };

        var mine = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles", body, first.Token, idempotencyKey: key), HttpStatusCode.Created);
        var theirs = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles", body, second.Token, idempotencyKey: key), HttpStatusCode.Created);

        Assert.NotEqual(mine["id"]!.GetValue<string>(), theirs["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_overlong_key_is_a_bad_request()
    {
        var partner = await client.CreatePartnerAsync();

        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles", new { }, partner.Token, idempotencyKey: new string('k', 256)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_spent_login_link_is_not_replayed_for_the_same_key()
    {
        var partner = await client.CreatePartnerAsync();
        var account = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts",
            AccountUsers.IdentityScenario.TrialAccount(GatewayClient.NewAccountName()), partner.Token), HttpStatusCode.Created);
        var link = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{account["id"]}/login-link", token: partner.Token), HttpStatusCode.Created);
        var url = link["url"]!.GetValue<string>();
        var redeem = $"/api/v1/auth/login-links/{DashboardLink.TokenOf(url)}";
        var key = Guid.NewGuid().ToString();

        var first = await client.SendAsync(HttpMethod.Post, redeem, idempotencyKey: key);
        var session = await GatewayClient.JsonAsync(first, HttpStatusCode.OK);
        var retry = await client.SendAsync(HttpMethod.Post, redeem, idempotencyKey: key);

        await ProblemAssert.IsAsync(retry, HttpStatusCode.Gone);
        Assert.False(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.True(first.Headers.CacheControl!.NoStore);
        Assert.Equal(0, await StoredAnswersContainingAsync("accountsdb", session["access_token"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_retried_api_key_creation_replays_without_the_key()
    {
        var partner = await client.CreatePartnerAsync();
        var key = Guid.NewGuid().ToString();

        var created = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/api-keys", new { name = "CI" }, partner.Token, idempotencyKey: key), HttpStatusCode.Created);
        var replayed = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/api-keys", new { name = "CI" }, partner.Token, idempotencyKey: key), HttpStatusCode.Created);

        Assert.Equal(created["id"]!.GetValue<string>(), replayed["id"]!.GetValue<string>());
        Assert.Null(replayed["key"]);
        Assert.Equal(0, await StoredAnswersContainingAsync("partnersdb", created["key"]!.GetValue<string>()));
        var keys = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/api-keys", token: partner.Token), HttpStatusCode.OK);
        Assert.Single(keys["data"]!.AsArray());
    }

    [Fact]
    public async Task Users_of_two_accounts_of_one_partner_never_share_a_key()
    {
        var partner = await client.CreatePartnerAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { name = "Client card", card = new { number = GatewayClient.GoodCard, exp_month = 12, exp_year = GatewayClient.CardExpiryYear, cvc = "123" } };
        var ids = new List<string>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var account = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts",
                AccountUsers.IdentityScenario.TrialAccount(GatewayClient.NewAccountName()), partner.Token), HttpStatusCode.Created);
            var admin = await AccountUsers.IdentityScenario.AdminTokenAsync(client, account);
            var card = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles", body, admin, idempotencyKey: key), HttpStatusCode.Created);
            ids.Add(card["id"]!.GetValue<string>());
        }

        Assert.NotEqual(ids[0], ids[1]);
    }

    private async Task<long> StoredAnswersContainingAsync(string database, string secret)
    {
        await using var connection = new Npgsql.NpgsqlConnection(system.App.GetConnectionString(database));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM idempotency_keys WHERE position(@secret in convert_from(response_body, 'UTF8')) > 0", connection);
        command.Parameters.AddWithValue("secret", secret);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => client.Dispose();
}
