using System.Net;
using System.Text.Json.Nodes;

using Npgsql;

using Reseller.AppHost;
using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Accounts;

/// <summary>Scenario helpers of the Accounts lifecycle tests: accounts in a given state, the clock, and the outbox.</summary>
public sealed class AccountKit(ResellerSystem system, GatewayClient client)
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(45);

    public static object Trial(string name, string customerName = "Client Co", string customerEmail = "it@client.test") => new
    {
        name,
        customer = new { name = customerName, email = customerEmail },
        notification_email = "billing@agency.test",
        language = "en",
        time_zone = "Europe/Paris",
        plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "trial" },
    };

    public async Task<JsonNode> CreateTrialAsync(Partner partner, string? name = null, string customerName = "Client Co", string customerEmail = "it@client.test") =>
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts", Trial(name ?? GatewayClient.NewAccountName(), customerName, customerEmail), partner.Token),
            HttpStatusCode.Created);

    public async Task<(Partner Partner, string Card, JsonNode Account)> ActiveAccountAsync()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var account = await client.CreateSettledAccountAsync(partner, card);
        Assert.Equal("active", account["status"]!.GetValue<string>());
        return (partner, card, account);
    }

    public async Task<JsonNode> SendOkAsync(HttpMethod method, string path, object? body, Partner partner) =>
        await GatewayClient.JsonAsync(await client.SendAsync(method, path, body, partner.Token), HttpStatusCode.OK);

    public Task<DateTimeOffset> NowAsync() => SandboxClock.NowAsync(client);

    /// <summary>Moves the shared sandbox clock forward (never back) and returns the partner with a token valid at the new time.</summary>
    public async Task<Partner> MoveClockAsync(Partner partner, DateTimeOffset to)
    {
        await SandboxClock.MoveToAsync(client, to);
        return partner with { Token = await client.TokenAsync(partner.Email, partner.Password) };
    }

    /// <summary>The events Accounts wrote to its outbox about one account, oldest first: (short type name, JSON body).</summary>
    public async Task<IReadOnlyList<(string Type, JsonNode Body)>> EventsAboutAsync(string accountId)
    {
        var id = Guid.ParseExact(accountId["acc_".Length..], "N");
        await using var connection = new NpgsqlConnection(system.App.GetConnectionString(ResellerResources.AccountsDb));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT message_type, body FROM outbox_messages WHERE body::jsonb ->> 'AccountId' = @id ORDER BY id", connection);
        command.Parameters.AddWithValue("id", id.ToString());
        var events = new List<(string, JsonNode)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var type = reader.GetString(0);
            events.Add((type[(type.LastIndexOf('.', type.IndexOf(',', StringComparison.Ordinal)) + 1)..type.IndexOf(',', StringComparison.Ordinal)], JsonNode.Parse(reader.GetString(1))!));
        }
        return events;
    }

    public async Task<IReadOnlyList<JsonNode>> EventsAsync(string accountId, string type) =>
        (await EventsAboutAsync(accountId)).Where(e => e.Type == type).Select(e => e.Body).ToList();

    public async Task<JsonNode> WaitForStatusAsync(Partner partner, string accountId, string status)
    {
        var account = await client.WaitForAccountAsync(partner, accountId, a => a["status"]!.GetValue<string>() == status, Settle);
        Assert.Equal(status, account["status"]!.GetValue<string>());
        return account;
    }
}
