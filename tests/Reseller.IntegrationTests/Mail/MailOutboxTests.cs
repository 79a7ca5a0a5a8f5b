using Reseller.ServiceDefaults.DataProtection;
using Reseller.ServiceDefaults.Mail;

namespace Reseller.IntegrationTests.Mail;

public sealed class MailOutboxTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private static string Secret() => "secret-" + Guid.NewGuid().ToString("N");

    private static string Recipient(string domain = "client.test") => $"someone-{Guid.NewGuid():N}@{domain}";

    private static OutgoingMail MailWith(string to, string secret) => new(to, "Reset your password", $"Open https://app.test/reset?token={secret} within one hour.");

    [Fact]
    public async Task A_committed_mail_is_kept_encrypted_until_sent_and_its_body_is_erased_once_sent()
    {
        using var host = await MailOutboxHost.CreateAsync(await infrastructure.CreateDatabaseAsync("mail"));
        var to = Recipient();
        var secret = Secret();

        await host.QueueAsync(MailWith(to, secret), commit: true);

        var queued = Assert.Single(await host.RowsToAsync(to));
        Assert.NotNull(queued.ProtectedBody);
        Assert.DoesNotContain(secret, queued.ProtectedBody, StringComparison.Ordinal);
        Assert.Empty(host.Sender.Sent);

        Assert.Equal(1, await host.Dispatcher.DispatchBatchAsync(CancellationToken.None));

        var sent = Assert.Single(host.Sender.Sent);
        Assert.Equal(to, sent.To);
        Assert.Contains(secret, sent.TextBody, StringComparison.Ordinal);
        var row = Assert.Single(await host.RowsToAsync(to));
        Assert.Null(row.ProtectedBody);
        Assert.NotNull(row.SentAt);
        Assert.Equal(0, await host.Dispatcher.DispatchBatchAsync(CancellationToken.None));
        Assert.Single(host.Sender.Sent);
    }

    [Fact]
    public async Task A_mail_queued_in_a_rolled_back_transaction_is_never_sent()
    {
        using var host = await MailOutboxHost.CreateAsync(await infrastructure.CreateDatabaseAsync("mail"));
        var to = Recipient();

        await host.QueueAsync(MailWith(to, Secret()), commit: false);

        Assert.Equal(0, await host.Dispatcher.DispatchBatchAsync(CancellationToken.None));
        Assert.Empty(host.Sender.Sent);
        Assert.Empty(await host.RowsToAsync(to));
    }

    [Fact]
    public async Task Another_replica_decrypts_what_one_queued_with_the_keys_kept_in_the_database_sealed_by_the_platform_key()
    {
        var database = await infrastructure.CreateDatabaseAsync("mail");
        using var writer = await MailOutboxHost.CreateAsync(database);
        using var sender = await MailOutboxHost.CreateAsync(database);
        var to = Recipient();
        var secret = Secret();

        await writer.QueueAsync(MailWith(to, secret), commit: true);
        Assert.Equal(1, await sender.Dispatcher.DispatchBatchAsync(CancellationToken.None));

        Assert.Contains(secret, Assert.Single(sender.Sender.Sent).TextBody, StringComparison.Ordinal);
        var storedKey = Assert.Single(await writer.DataProtectionKeysAsync());
        Assert.Contains(AesGcmXmlEncryptor.ElementName, storedKey, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", storedKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replicas_that_first_seal_at_the_same_moment_share_one_key_and_open_each_others_mail()
    {
        // A race: without one first key, it is lost in about half the rounds, so a few rounds each start on an empty ring.
        for (var round = 0; round < 8; round++)
        {
            var database = await infrastructure.CreateDatabaseAsync("mail");
            using var first = await MailOutboxHost.CreateAsync(database);
            using var second = await MailOutboxHost.CreateAsync(database);
            var mails = new[] { (To: Recipient(), Secret: Secret()), (To: Recipient(), Secret: Secret()) };

            // Each replica's first mail is its first use of the key ring: both at once, as replicas started together.
            using var bothReady = new Barrier(2);
            await Task.WhenAll(new[] { first, second }.Zip(mails).Select(pair => Task.Run(async () =>
            {
                bothReady.SignalAndWait();
                await pair.First.QueueAsync(MailWith(pair.Second.To, pair.Second.Secret), commit: true);
            })));

            Assert.Single(await first.DataProtectionKeysAsync());
            Assert.Equal(2, await first.Dispatcher.DispatchBatchAsync(CancellationToken.None));
            foreach (var (to, secret) in mails)
            {
                Assert.Contains(secret, Assert.Single(first.Sender.Sent, sent => sent.To == to).TextBody, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_mail_the_server_refuses_waits_for_a_later_attempt_while_the_others_go()
    {
        using var host = await MailOutboxHost.CreateAsync(await infrastructure.CreateDatabaseAsync("mail"));
        var refused = Recipient("down.test");
        var accepted = Recipient();

        await host.QueueAsync(MailWith(refused, Secret()), commit: true);
        await host.QueueAsync(MailWith(accepted, Secret()), commit: true);
        Assert.Equal(2, await host.Dispatcher.DispatchBatchAsync(CancellationToken.None));

        Assert.Equal(accepted, Assert.Single(host.Sender.Sent).To);
        var waiting = Assert.Single(await host.RowsToAsync(refused));
        Assert.Equal(1, waiting.Attempts);
        Assert.NotNull(waiting.ProtectedBody);
        Assert.True(waiting.NextAttemptAt > DateTimeOffset.UtcNow);
        Assert.Equal(0, await host.Dispatcher.DispatchBatchAsync(CancellationToken.None));
    }
}
