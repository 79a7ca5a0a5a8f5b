using MassTransit;
using MassTransit.Testing;

using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using Reseller.Accounts.Data;
using Reseller.Accounts.ResoldAccounts;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Accounts;

/// <summary>
/// Accounts consuming a renewal's payment (InvoicePaid) on PostgreSQL: a cancelled account still in its period runs on to
/// the end of the period paid; one that expired before the payment reached it stays expired and hands the renewal back to
/// Billing (RenewalOfExpiredAccount in its outbox, in the same commit), once per message: a redelivery changes nothing, and
/// Billing credits what is left of the invoice, so a second message asking again gives nothing back twice.
/// </summary>
public sealed class RenewalAfterExpiryTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task A_renewal_paid_after_the_account_expired_is_handed_back_once_and_one_paid_within_its_period_extends_it()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync<AccountsDb>("accounts_renewal_after_expiry");
        await using var services = await AccountsServices.StartAsync(connectionString, added => added.AddMassTransitTestHarness(bus => bus.AddConsumer<InvoicePaidConsumer>()));
        var periodEnd = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-1);
        var expired = await SeedAsync(connectionString, "Expired", periodEnd);
        var cancelled = await SeedAsync(connectionString, "Cancelled", periodEnd.AddDays(2));
        var harness = services.GetRequiredService<ITestHarness>();
        await harness.Start();

        var renewalOfExpired = RenewalPaid(expired, periodEnd);
        await harness.Bus.Publish(renewalOfExpired, c => c.MessageId = NewId.NextGuid());
        var redelivery = NewId.NextGuid();
        await harness.Bus.Publish(renewalOfExpired, c => c.MessageId = redelivery);
        await harness.Bus.Publish(renewalOfExpired, c => c.MessageId = redelivery);
        await harness.Bus.Publish(RenewalPaid(cancelled, periodEnd.AddDays(2)), c => c.MessageId = NewId.NextGuid());

        Assert.True(await Eventually.HoldsAsync(async () => await SqlScalar.ReadAsync(connectionString, "SELECT count(*) FROM inbox_messages") == 3, Eventually.Propagation),
            "Accounts did not consume the renewals' payments.");
        var handedBack = await BodiesAsync(connectionString, nameof(RenewalOfExpiredAccount));
        Assert.Equal(2, handedBack.Count);
        Assert.All(handedBack, body => Assert.Contains(renewalOfExpired.InvoiceId.ToString(), body, StringComparison.Ordinal));
        Assert.Equal("Expired", await StatusAsync(connectionString, expired));
        Assert.Equal("Cancelled", await StatusAsync(connectionString, cancelled));
        Assert.Equal(1, await SqlScalar.ReadAsync(connectionString, $"SELECT count(*) FROM accounts WHERE id = '{cancelled}' AND current_period_end > now() + interval '20 days'"));
    }

    private static InvoicePaid RenewalPaid(Guid accountId, DateOnly periodStart) => new(
        Guid.NewGuid(), "RSL-2026-000001", Guid.NewGuid(), accountId, InvoicePurposes.Renewal, Payers.Partner, 4900, "EUR",
        periodStart, periodStart.AddMonths(1), Now);

    /// <summary>A partner-paid monthly account in the status given, its period ending at the start of <paramref name="periodEnd"/>.</summary>
    private static async Task<Guid> SeedAsync(string connectionString, string status, DateOnly periodEnd)
    {
        var id = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO accounts (id, partner_id, name, customer_name, customer_email, notification_email, language, time_zone, payer,
                                  status, created_at, current_period_end, plan)
            VALUES (@id, gen_random_uuid(), 'renewal-after-expiry-' || @status, 'C', 'c@client.test', 'n@agency.test', 'en', 'UTC', 'partner',
                    @status, @created, @end,
                    jsonb_build_object('Product', 'marketing', 'Tier', 'plus', 'Contacts', 1000, 'Seats', 3, 'AddOns', '[]'::jsonb, 'Cadence', 'monthly'))
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("created", Now.AddMonths(-2));
        command.Parameters.AddWithValue("end", new DateTimeOffset(periodEnd.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await command.ExecuteNonQueryAsync();
        return id;
    }

    private static async Task<string> StatusAsync(string connectionString, Guid accountId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT status FROM accounts WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", accountId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> BodiesAsync(string connectionString, string messageType)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT body::text FROM outbox_messages WHERE message_type LIKE @type", connection);
        command.Parameters.AddWithValue("type", $"Reseller.Contracts.Accounts.{messageType}%");
        var bodies = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            bodies.Add(reader.GetString(0));
        }
        return bodies;
    }
}
