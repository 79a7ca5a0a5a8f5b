using Npgsql;

namespace Reseller.AccountsPageBenchmark;

/// <summary>
/// Writes N accounts of one partner in one INSERT … SELECT generate_series (seconds for 100,000): mostly active, some trial,
/// cancelled, expired and payment_failed; monthly/annual; contacts 1,000–100,000; created over two years.
/// </summary>
public static class Seeding
{
    public static async Task SeedAsync(string connectionString, Guid partnerId, int accounts, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO accounts (id, partner_id, name, customer_name, customer_email, notification_email, language, time_zone, payer,
                                  status, created_at, current_period_end, plan)
            SELECT md5('account' || n)::uuid, @partner,
                   'page-' || substr(md5('name' || n), 1, 10) || '-' || n,
                   (ARRAY['Boulangerie','Garage','Cabinet','Studio','Hotel','Pharmacie','Atelier','Clinique'])[n % 8 + 1] || ' ' || initcap(substr(md5('c' || n), 1, 6)),
                   'contact' || n || '@' || substr(md5('d' || n), 1, 10) || '.test',
                   'billing@agency.test', 'en', 'Europe/Paris', 'partner',
                   CASE n % 20 WHEN 0 THEN 'Expired' WHEN 1 THEN 'Trial' WHEN 2 THEN 'Cancelled' WHEN 3 THEN 'PaymentFailed' ELSE 'Active' END,
                   now() - make_interval(days => n % 730, secs => n), now() + make_interval(days => (n * 7) % 365),
                   jsonb_build_object('Product', 'marketing', 'Tier', (ARRAY['lite','plus','professional','enterprise'])[n % 4 + 1],
                       'Contacts', 1000 * (1 + n % 100), 'Seats', 1 + n % 10, 'AddOns', '[]'::jsonb,
                       'Cadence', CASE WHEN n % 20 = 1 THEN 'trial' WHEN n % 3 = 0 THEN 'annual' ELSE 'monthly' END)
            FROM generate_series(0, @accounts - 1) n;
            ANALYZE accounts;
            """, connection);
        command.Parameters.AddWithValue("partner", partnerId);
        command.Parameters.AddWithValue("accounts", accounts);
        command.CommandTimeout = 900;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
