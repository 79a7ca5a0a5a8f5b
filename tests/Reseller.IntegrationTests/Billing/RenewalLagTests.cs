using System.Diagnostics.Metrics;

using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using Reseller.Billing.Data;
using Reseller.Billing;
using Reseller.Billing.Renewals;
using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.IntegrationTests.Billing;

/// <summary>
/// The <c>reseller.renewal.lag</c> gauge (alerted on above 1 h) as an export reads it: the age of the oldest account due for
/// renewal while a renewal run is held back by another instance's row lock, and 0 once the renewals ran. The gauge source is
/// refreshed directly on a fixed clock, so the expected ages are exact.
/// </summary>
public sealed class RenewalLagTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private const string RenewalLag = "reseller.renewal.lag";

    [Fact]
    public async Task The_renewal_lag_is_the_oldest_due_accounts_age_while_its_renewal_is_held_back_and_zero_once_renewed()
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var connectionString = await infrastructure.CreateDatabaseAsync<BillingDb>("renewallag");
        await using var billing = await BillingServices.CreateAsync(connectionString);
        var gauge = new RenewalGaugeSource(new FixedClock(now));
        var oldest = Guid.NewGuid();
        await SeedAsync(connectionString, (oldest, today.AddDays(-3)), (Guid.NewGuid(), today.AddDays(-1)), (Guid.NewGuid(), today.AddDays(5)));

        await RefreshAsync(billing, gauge);
        Assert.Equal(AgeSince(today.AddDays(-3), now), ReadRenewalLag(), precision: 3);

        // Another instance's renewal run holds the oldest account (FOR UPDATE) and has not committed yet: this run skips it.
        await using (var otherInstance = new NpgsqlConnection(connectionString))
        {
            await otherInstance.OpenAsync();
            await using var heldBack = await LockAsync(otherInstance, oldest);
            Assert.Equal(1, await RenewAsync(billing, now));
            await RefreshAsync(billing, gauge);
            Assert.Equal(AgeSince(today.AddDays(-3), now), ReadRenewalLag(), precision: 3);
            Assert.True(ReadRenewalLag() >= TimeSpan.FromDays(3).TotalSeconds);
            await heldBack.RollbackAsync();
        }

        Assert.Equal(1, await RenewAsync(billing, now));
        await RefreshAsync(billing, gauge);
        Assert.Equal(0, ReadRenewalLag());
    }

    private static double AgeSince(DateOnly periodEnd, DateTimeOffset now) =>
        (now - new DateTimeOffset(periodEnd.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).TotalSeconds;

    private static async Task RefreshAsync(ServiceProvider billing, RenewalGaugeSource gauge)
    {
        await using var scope = billing.CreateAsyncScope();
        await gauge.RefreshAsync(scope.ServiceProvider, CancellationToken.None);
    }

    private static async Task<int> RenewAsync(ServiceProvider billing, DateTimeOffset now)
    {
        await using var scope = billing.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RenewalJob>().RunDueAsync(now, CancellationToken.None);
    }

    /// <summary>Reads the observable gauge through a listener, as the OpenTelemetry exporter and /metrics do.</summary>
    private static double ReadRenewalLag()
    {
        _ = BillingMetrics.RenewalLag;
        var readings = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == PlatformTelemetry.Meter && instrument.Name == RenewalLag)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => readings.Add(value));
        listener.Start();
        listener.RecordObservableInstruments();
        return Assert.Single(readings);
    }

    /// <summary>Holds the account's row as a renewal run that claimed it would, until the transaction ends.</summary>
    private static async Task<NpgsqlTransaction> LockAsync(NpgsqlConnection connection, Guid accountId)
    {
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("SELECT account_id FROM billed_accounts WHERE account_id = @id FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("id", accountId);
        Assert.Equal(accountId, await command.ExecuteScalarAsync());
        return transaction;
    }

    /// <summary>Active monthly accounts of one partner paying by card, each with the given period end.</summary>
    private static async Task SeedAsync(string connectionString, params (Guid Account, DateOnly PeriodEnd)[] accounts)
    {
        var partner = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var profile = new NpgsqlCommand("""
            INSERT INTO billing_profiles (id, partner_id, name, provider_token, brand, last4, exp_month, exp_year, created_at)
            VALUES (@partner, @partner, 'Card', 'tok_sbx_ok_lag', 'visa', '4242', 12, 2099, now())
            """, connection))
        {
            profile.Parameters.AddWithValue("partner", partner);
            await profile.ExecuteNonQueryAsync();
        }
        foreach (var (account, periodEnd) in accounts)
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO billed_accounts (account_id, partner_id, plan, cadence, payer, billing_profile_id, status, anchor_date,
                                             period_index, current_period_start, current_period_end)
                VALUES (@account, @partner,
                        '{"Product":"marketing","Tier":"plus","Contacts":1000,"Seats":3,"AddOns":[],"Cadence":"monthly"}'::jsonb,
                        'monthly', 'partner', @partner, 'Active', @start, 1, @start, @end)
                """, connection);
            command.Parameters.AddWithValue("account", account);
            command.Parameters.AddWithValue("partner", partner);
            command.Parameters.AddWithValue("start", periodEnd.AddMonths(-1));
            command.Parameters.AddWithValue("end", periodEnd);
            await command.ExecuteNonQueryAsync();
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
