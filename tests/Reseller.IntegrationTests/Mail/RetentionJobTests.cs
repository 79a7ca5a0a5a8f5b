using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Npgsql;

using Reseller.ServiceDefaults.Data;

namespace Reseller.IntegrationTests.Mail;

public sealed class RetentionJobTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Rows_past_their_window_go_and_unpublished_unsent_or_recent_ones_stay()
    {
        await using var db = await CreateDbAsync();
        await AddOutboxAsync(db, "old-published", created: Now.AddDays(-9), published: Now.AddDays(-8));
        await AddOutboxAsync(db, "recent-published", created: Now.AddDays(-2), published: Now.AddDays(-1));
        await AddOutboxAsync(db, "old-unpublished", created: Now.AddDays(-30), published: null);
        await AddInboxAsync(db, "old-consumed", Now.AddDays(-8));
        await AddInboxAsync(db, "recent-consumed", Now.AddHours(-1));
        await AddIdempotencyKeyAsync(db, "old-key", Now.AddHours(-25));
        await AddIdempotencyKeyAsync(db, "recent-key", Now.AddHours(-23));
        await AddMailAsync(db, "old-sent@client.test", created: Now.AddDays(-9), sent: Now.AddDays(-8), body: null);
        await AddMailAsync(db, "recent-sent@client.test", created: Now.AddDays(-2), sent: Now.AddDays(-1), body: null);
        await AddMailAsync(db, "old-unsent@client.test", created: Now.AddDays(-30), sent: null, body: "encrypted");

        var purged = await Job(db, new RetentionOptions()).RunDueAsync(Now, CancellationToken.None);

        Assert.Equal(4, purged);
        Assert.Equal(["old-unpublished", "recent-published"], await TextsAsync(db, "SELECT message_type FROM outbox_messages ORDER BY message_type"));
        Assert.Equal(["recent-consumed"], await TextsAsync(db, "SELECT consumer FROM inbox_messages"));
        Assert.Equal(["recent-key"], await TextsAsync(db, "SELECT key FROM idempotency_keys"));
        Assert.Equal(["old-unsent@client.test", "recent-sent@client.test"], await TextsAsync(db, "SELECT recipient FROM mail_outbox ORDER BY recipient"));
    }

    [Fact]
    public async Task Windows_are_configurable_but_idempotency_keys_live_their_24_hours()
    {
        await using var db = await CreateDbAsync();
        await AddOutboxAsync(db, "two-hours-old", created: Now.AddHours(-3), published: Now.AddHours(-2));
        await AddInboxAsync(db, "two-hours-old", Now.AddHours(-2));
        await AddIdempotencyKeyAsync(db, "two-hours-old", Now.AddHours(-2));
        var oneHour = new RetentionOptions
        {
            PublishedOutbox = TimeSpan.FromHours(1),
            ConsumedInbox = TimeSpan.FromHours(1),
            IdempotencyKeys = TimeSpan.FromHours(1),
        };

        Assert.Equal(2, await Job(db, oneHour).RunDueAsync(Now, CancellationToken.None));

        Assert.Empty(await TextsAsync(db, "SELECT message_type FROM outbox_messages"));
        Assert.Empty(await TextsAsync(db, "SELECT consumer FROM inbox_messages"));
        Assert.Equal(["two-hours-old"], await TextsAsync(db, "SELECT key FROM idempotency_keys"));
    }

    [Fact]
    public async Task A_sandbox_clock_moved_ahead_does_not_age_rows_written_by_real_time()
    {
        await using var db = await CreateDbAsync();
        await AddInboxAsync(db, "just-consumed", DateTimeOffset.UtcNow);
        await AddIdempotencyKeyAsync(db, "just-claimed", DateTimeOffset.UtcNow);

        Assert.Equal(0, await Job(db, new RetentionOptions()).RunDueAsync(Now.AddYears(1), CancellationToken.None));
        Assert.Equal(["just-consumed"], await TextsAsync(db, "SELECT consumer FROM inbox_messages"));
    }

    [Fact]
    public async Task A_process_purges_at_most_once_per_interval()
    {
        await using var db = await CreateDbAsync();
        var options = new RetentionOptions();
        var schedule = new RetentionSchedule(Options.Create(options));
        var job = new RetentionJob<MailTestDb>(db, schedule, Options.Create(options));
        await job.RunDueAsync(Now, CancellationToken.None);

        await AddInboxAsync(db, "old-consumed", Now.AddDays(-8));

        Assert.Equal(0, await job.RunDueAsync(Now, CancellationToken.None));
        Assert.Equal(["old-consumed"], await TextsAsync(db, "SELECT consumer FROM inbox_messages"));
    }

    private static RetentionJob<MailTestDb> Job(MailTestDb db, RetentionOptions options) =>
        new(db, new RetentionSchedule(Options.Create(options)), Options.Create(options));

    private async Task<MailTestDb> CreateDbAsync()
    {
        var options = new DbContextOptionsBuilder<MailTestDb>();
        DatabaseExtensions.Configure(options, await infrastructure.CreateDatabaseAsync("retention"));
        var db = new MailTestDb(options.Options);
        await db.Database.EnsureCreatedAsync();
        return db;
    }

    private static Task<int> AddOutboxAsync(MailTestDb db, string type, DateTimeOffset created, DateTimeOffset? published) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO outbox_messages (message_id, message_type, body, created_at, published_at, attempts) VALUES ({Guid.NewGuid()}, {type}, '{{}}'::jsonb, {created}, {published}, 0)");

    private static Task<int> AddInboxAsync(MailTestDb db, string consumer, DateTimeOffset processed) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({Guid.NewGuid()}, {consumer}, {processed})");

    private static Task<int> AddIdempotencyKeyAsync(MailTestDb db, string key, DateTimeOffset created) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ('partner:p', {key}, 'hash', {created})");

    private static Task<int> AddMailAsync(MailTestDb db, string recipient, DateTimeOffset created, DateTimeOffset? sent, string? body) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO mail_outbox (recipient, subject, protected_body, created_at, next_attempt_at, attempts, sent_at) VALUES ({recipient}, 'Hello', {body}, {created}, {created}, 0, {sent})");

    private static async Task<List<string>> TextsAsync(MailTestDb db, string sql)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }
        await using var command = new NpgsqlCommand(sql, connection);
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }
        return texts;
    }
}
