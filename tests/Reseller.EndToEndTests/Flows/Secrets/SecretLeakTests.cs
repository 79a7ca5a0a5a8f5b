using System.Collections.Concurrent;
using System.Net;
using System.Text;

using Reseller.AppHost;
using Reseller.EndToEndTests.Flows.AccountUsers;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;
using Reseller.Testing.AssemblyFixtures;

using Xunit.Abstractions;

namespace Reseller.EndToEndTests.Flows.Secrets;

/// <summary>
/// Runs one full flow (partner, card, paid account, invitation, both password resets, log-in-as, move out and in, credit
/// purchase) and then searches what the system kept and sent for the flow's card number, CVC, one-time tokens and
/// passwords: every row of every database, every message published to RabbitMQ, every log line and every span or log
/// exported over OTLP. A secret lives in the mail that carries it and in the caller's hands, nowhere else.
/// </summary>
// Alone: it waits for the system's telemetry and broker to fall quiet, which tests running beside it never let happen.
[RunsAlone]
[Trait("Issue", "11-must-hold")]
public sealed class SecretLeakTests(ResellerSystem system, ITestOutputHelper output) : IDisposable
{
    private readonly GatewayClient client = system.Client();
    private readonly FlowSecrets secrets = new();

    [Fact]
    public async Task No_card_number_CVC_one_time_token_or_password_of_a_full_flow_is_stored_sent_logged_or_traced()
    {
        var exports = new ConcurrentQueue<byte[]>();
        system.Telemetry.Recording = exports;
        try
        {
            var tap = await BrokerTap.OpenAsync(system);
            await RunFlowAsync();
            await tap.WaitForQuietAsync(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60));
            Assert.True(await WaitForQuietAsync(), "The processes never stopped exporting the flow's telemetry.");

            foreach (var message in tap.Bodies)
            {
                secrets.Search("RabbitMQ message " + message[..message.IndexOf(' ', StringComparison.Ordinal)], message);
            }
            foreach (var export in exports)
            {
                secrets.Search("OTLP export", Encoding.Latin1.GetString(export));
            }
            foreach (var line in system.Logs)
            {
                secrets.Search("log " + line[..Math.Min(line.Length, Math.Max(0, line.IndexOf(' ', StringComparison.Ordinal)))], line);
            }
            var tables = await DatabaseSweep.SearchAsync(system.App.GetConnectionString(ResellerResources.AccountsDb), secrets);

            output.WriteLine($"Searched {tables} tables, {tap.Bodies.Count} messages, {exports.Count} OTLP exports and {system.Logs.Count} log lines for:");
            secrets.All.Select(s => $"  {s.Label}").Append($"  the CVC {FlowSecrets.Cvc} beside a card-code word").ToList().ForEach(output.WriteLine);
            Assert.NotEmpty(tap.Bodies);
            Assert.NotEmpty(exports);
        }
        finally
        {
            system.Telemetry.Recording = null;
        }
        foreach (var finding in secrets.Findings)
        {
            output.WriteLine(finding);
        }
        Assert.True(secrets.Findings.Count == 0, $"Secrets of the flow were found:\n{string.Join('\n', secrets.Findings)}");
    }

    private async Task RunFlowAsync()
    {
        var partnerEmail = $"owner-{Guid.NewGuid():N}@agency.test";
        var partnerPassword = secrets.Add("the partner's password", Password());
        var card = secrets.Add("the card number", GatewayClient.GoodCard);
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/partners",
            new { name = "Secret Keepers", email = partnerEmail, password = partnerPassword, country = "FR", currency = "USD" }, asOperator: true), HttpStatusCode.Created);
        var partner = new Partner("", partnerEmail, partnerPassword, await client.TokenAsync(partnerEmail, partnerPassword));

        var profile = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/billing-profiles",
            new { name = "Agency card", card = new { number = card, exp_month = 11, exp_year = GatewayClient.CardExpiryYear, cvc = FlowSecrets.Cvc } }, partner.Token), HttpStatusCode.Created);
        var created = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts",
            GatewayClient.MarketingPlusMonthly(GatewayClient.NewAccountName(), (string)profile["id"]!), partner.Token), HttpStatusCode.Created);
        secrets.Add("the account's admin password", (string)created["login"]!["password"]!);
        var id = (string)created["id"]!;
        var name = (string)created["name"]!;
        var account = await client.WaitForAccountAsync(partner, id, a => (string?)a["status"] != "pending", TimeSpan.FromSeconds(60));
        Assert.Equal("active", (string?)account["status"]);

        var invitee = $"jane-{Guid.NewGuid():N}@client.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/invitations", new { name = "Jane Client", email = invitee }, partner.Token), HttpStatusCode.Created);
        var invitation = secrets.Add("the invitation token", await IdentityScenario.WaitForMailedTokenAsync(invitee, "invitations"));
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/invitations/{invitation}/accept",
            new { password = secrets.Add("the invited customer's password", Password()) }), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset", new { account = name, email = invitee })).StatusCode);
        var accountReset = secrets.Add("the account password-reset token", await IdentityScenario.WaitForMailedTokenAsync(invitee, "password-reset"));
        var customerPassword = secrets.Add("the customer's new password", Password());
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/account-password-reset/confirm", new { token = accountReset, new_password = customerPassword })).StatusCode);
        await client.AccountTokenAsync(name, invitee, customerPassword);

        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/password-reset", new { email = partnerEmail })).StatusCode);
        var partnerReset = secrets.Add("the partner password-reset token", MailFolder.TokenFrom(await MailFolder.WaitForMailAsync(partnerEmail, "Reset your password", Eventually.Propagation)));
        var newPartnerPassword = secrets.Add("the partner's new password", Password());
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Post, "/api/v1/auth/password-reset/confirm", new { token = partnerReset, new_password = newPartnerPassword })).StatusCode);
        partner = partner with { Token = await client.TokenAsync(partnerEmail, newPartnerPassword) };

        var link = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/accounts/{id}/login-link", token: partner.Token), HttpStatusCode.Created);
        var url = (string)link["url"]!;
        var loginAs = secrets.Add("the log-in-as token", DashboardLink.TokenOf(url));
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/auth/login-links/{loginAs}"), HttpStatusCode.OK);

        var purchase = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/credits/sms/purchases", new { pack = 1000 }, partner.Token), HttpStatusCode.Created);
        await WaitForPurchaseAsync(partner, (string)purchase["id"]!);

        var owner = $"owner-{Guid.NewGuid():N}@client.test";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/admin/accounts/{id}/transfer-out", new { owner_email = owner }, asOperator: true), HttpStatusCode.OK);
        var next = await client.CreatePartnerAsync();
        await GatewayClient.JsonAsync(await client.TransferInAsync(id, next.Id), HttpStatusCode.Accepted);
        var transfer = secrets.Add("the transfer confirmation token", MailFolder.TokenFrom(await MailFolder.WaitForMailAsync(owner, "Confirm the move of", Eventually.Propagation)));
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"/api/v1/transfers/{transfer}/confirm"), HttpStatusCode.OK);

        // Any other link mailed in the flow (a reset sent on a move, a re-sent invitation) is a one-time secret too.
        foreach (var address in new[] { partnerEmail, invitee, owner })
        {
            foreach (var token in await MailedSecrets.TokensToAsync(address))
            {
                secrets.Add($"a token mailed to {address.Split('@')[0].Split('-')[0]}", token);
            }
        }
    }

    private static string Password() => "pw " + Guid.NewGuid().ToString("N")[..20];

    private async Task WaitForPurchaseAsync(Partner partner, string purchaseId)
    {
        var purchase = await Eventually.ReadAsync(
            async () => await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/credits/purchases/{purchaseId}", token: partner.Token), HttpStatusCode.OK),
            p => (string?)p["status"] != "pending",
            TimeSpan.FromSeconds(60));
        Assert.Equal("completed", (string?)purchase["status"]);
    }

    /// <summary>
    /// Waits until the processes have exported what the flow produced: no log and no prompted span for two seconds, ten
    /// times the span exporters' schedule. Unprompted calls (a poller's, if one were traced) do not count.
    /// </summary>
    private Task<bool> WaitForQuietAsync() =>
        Eventually.HoldsAsync(() => system.Telemetry.SinceLastPromptedExport >= TimeSpan.FromSeconds(2), Eventually.Propagation);

    public void Dispose() => client.Dispose();
}
