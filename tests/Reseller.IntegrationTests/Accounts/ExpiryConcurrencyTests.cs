using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using Reseller.Accounts.Data;
using Reseller.Accounts.Lifecycle;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.IntegrationTests.Accounts;

public sealed class ExpiryConcurrencyTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private const int Due = 600;
    private const int NotDue = 50;
    private const int Instances = 4;

    [Fact]
    public async Task Several_instances_expiring_at_once_expire_and_announce_each_due_account_exactly_once()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync<AccountsDb>("accounts_expiry");
        await using var accounts = await AccountsServices.StartAsync(connectionString);
        var now = DateTimeOffset.UtcNow;
        await SeedAsync(connectionString, now);

        var runs = await Task.WhenAll(Enumerable.Range(0, Instances).Select(async _ =>
        {
            await using var scope = accounts.CreateAsyncScope();
            return await scope.ServiceProvider.GetServices<IDueJob>().OfType<AccountExpiryJob>().Single().RunDueAsync(now, CancellationToken.None);
        }));

        Assert.Equal(Due, runs.Sum());
        Assert.Equal(Due, await SqlScalar.ReadAsync(connectionString, "SELECT count(*) FROM accounts WHERE status = 'Expired'"));
        Assert.Equal(NotDue, await SqlScalar.ReadAsync(connectionString, "SELECT count(*) FROM accounts WHERE status IN ('Trial', 'Cancelled')"));
        Assert.Equal(Due, await SqlScalar.ReadAsync(connectionString,
            "SELECT count(DISTINCT body::jsonb ->> 'AccountId') FROM outbox_messages WHERE message_type LIKE 'Reseller.Contracts.Accounts.AccountStatusChanged%' AND body::jsonb ->> 'Status' = 'expired'"));
        Assert.Equal(Due, await SqlScalar.ReadAsync(connectionString, "SELECT count(*) FROM outbox_messages"));
        await using var again = accounts.CreateAsyncScope();
        Assert.Equal(0, await again.ServiceProvider.GetServices<IDueJob>().OfType<AccountExpiryJob>().Single().RunDueAsync(now, CancellationToken.None));
    }

    /// <summary>Trials and cancelled accounts, most past their period end, some still running.</summary>
    private static async Task SeedAsync(string connectionString, DateTimeOffset now)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO accounts (id, partner_id, name, customer_name, customer_email, notification_email, language, time_zone, payer,
                                  status, created_at, current_period_end, plan)
            SELECT gen_random_uuid(), md5('partner' || (n / 10))::uuid, 'expiry-' || n, 'C', 'c@client.test', 'n@agency.test', 'en', 'UTC', 'partner',
                   CASE WHEN n % 2 = 0 THEN 'Trial' ELSE 'Cancelled' END, @now - interval '20 days',
                   CASE WHEN n < @due THEN @now - make_interval(mins => 1 + n) ELSE @now + interval '1 day' END,
                   jsonb_build_object('Product', 'marketing', 'Tier', 'plus', 'Contacts', 1000, 'Seats', 3, 'AddOns', '[]'::jsonb,
                       'Cadence', CASE WHEN n % 2 = 0 THEN 'trial' ELSE 'monthly' END)
            FROM generate_series(0, @total - 1) n;
            """, connection);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("due", Due);
        command.Parameters.AddWithValue("total", Due + NotDue);
        await command.ExecuteNonQueryAsync();
    }
}
