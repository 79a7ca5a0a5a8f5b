using Npgsql;

namespace Reseller.RenewalBenchmark;

/// <summary>Writes N active monthly accounts whose period ends on the run day, spread over partners of 100 accounts.</summary>
public static class Seeding
{
    public static async Task SeedDueAccountsAsync(string connectionString, int accounts, DateOnly runDay, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO billing_profiles (id, partner_id, name, provider_token, brand, last4, exp_month, exp_year, created_at)
            SELECT p.id, p.id, 'Bench card', 'tok_sbx_ok_bench', 'visa', '4242', 12, 2099, now()
            FROM (SELECT DISTINCT md5('partner' || (n / 100))::uuid AS id FROM generate_series(0, @accounts - 1) n) p;

            INSERT INTO billed_accounts (account_id, partner_id, plan, cadence, payer, billing_profile_id, status, anchor_date,
                                         period_index, current_period_start, current_period_end)
            SELECT md5('account' || n)::uuid, md5('partner' || (n / 100))::uuid,
                   '{"Product":"marketing","Tier":"plus","Contacts":1000,"Seats":3,"AddOns":[],"Cadence":"monthly"}'::jsonb,
                   'monthly', 'partner', md5('partner' || (n / 100))::uuid, 'Active', @anchor, 1, @anchor, @runDay
            FROM generate_series(0, @accounts - 1) n;
            ANALYZE;
            """, connection);
        command.Parameters.AddWithValue("accounts", accounts);
        command.Parameters.AddWithValue("anchor", runDay.AddMonths(-1));
        command.Parameters.AddWithValue("runDay", runDay);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
