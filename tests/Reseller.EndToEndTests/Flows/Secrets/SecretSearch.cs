using System.Net;

using Npgsql;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Secrets;

/// <summary>Looks for a one-time secret in every service's outbox, its mail outbox and the messages that crossed the broker.</summary>
public sealed class SecretSearch(ResellerSystem system, GatewayClient client)
{
    private static readonly string[] Databases = ["accountsdb", "billingdb", "creditsdb", "partnersdb"];
    private static readonly string[] MailOutboxDatabases = ["accountsdb", "partnersdb"];
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);

    public async Task AssertOnlyInTheMailAsync(BrokerTap tap, string secret, string? recipient)
    {
        // A partner created now is announced after every message of the flow was published: once its event is seen, all were.
        var marker = "Marker " + Guid.NewGuid().ToString("N");
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/partners",
            new { name = marker, email = $"marker-{Guid.NewGuid():N}@agency.test", password = "correct horse battery", country = "FR", currency = "USD" }, asOperator: true),
            HttpStatusCode.Created);
        await tap.WaitForAsync(marker, Settle);

        Assert.DoesNotContain(tap.Bodies, body => body.Contains(secret, StringComparison.Ordinal));
        foreach (var database in Databases)
        {
            Assert.Equal(0L, await CountAsync(database, "SELECT count(*) FROM outbox_messages WHERE position(@secret in body::text) > 0", secret));
        }
        if (recipient is not null)
        {
            await AssertMailBodiesErasedAsync(recipient);
        }
    }

    /// <summary>A mail once sent keeps only its envelope: the encrypted body is erased.</summary>
    private async Task AssertMailBodiesErasedAsync(string recipient) =>
        await Eventually.ReadAsync(
            async () =>
            {
                long unsent = 0;
                long sent = 0;
                foreach (var database in MailOutboxDatabases)
                {
                    unsent += await CountAsync(database, "SELECT count(*) FROM mail_outbox WHERE recipient = @secret AND protected_body IS NOT NULL", recipient);
                    sent += await CountAsync(database, "SELECT count(*) FROM mail_outbox WHERE recipient = @secret AND sent_at IS NOT NULL", recipient);
                }
                return (Unsent: unsent, Sent: sent);
            },
            mails => mails.Unsent == 0 && mails.Sent > 0,
            Settle,
            $"the mail to {recipient} to be sent and its body erased",
            mails => $"{mails.Unsent} unsent with a body, {mails.Sent} sent");

    private async Task<long> CountAsync(string database, string sql, string value)
    {
        await using var connection = new NpgsqlConnection(system.App.GetConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("secret", value);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
