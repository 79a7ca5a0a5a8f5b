using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using Reseller.Billing.Data;
using Reseller.Billing.Renewals;

namespace Reseller.IntegrationTests.Billing;

public sealed class RenewalConcurrencyTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private const int Accounts = 500;
    private const int Instances = 4;

    [Fact]
    public async Task Several_instances_renewing_at_once_charge_each_due_account_exactly_once()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync<BillingDb>("renewals");
        await using var billing = await BillingServices.CreateAsync(connectionString);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await SeedDueAccountsAsync(connectionString, today);

        var runs = await Task.WhenAll(Enumerable.Range(0, Instances).Select(async _ =>
        {
            await using var scope = billing.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RenewalJob>().RunDueAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        }));

        Assert.Equal(Accounts, runs.Sum());
        Assert.Equal(Accounts, await SqlScalar.ReadAsync(connectionString, "SELECT count(*) FROM invoices WHERE purpose = 'renewal' AND status = 'Paid'"));
        Assert.Equal(Accounts, await SqlScalar.ReadAsync(connectionString, "SELECT count(DISTINCT account_id) FROM invoices WHERE purpose = 'renewal'"));
        Assert.Equal(Accounts, await SqlScalar.ReadAsync(connectionString, "SELECT count(*) FROM payments WHERE status = 'Succeeded'"));
        Assert.Equal(Accounts, await SqlScalar.ReadAsync(connectionString, "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Reseller.Contracts.Billing.InvoicePaid%'"));
        Assert.Equal(Accounts, await SqlScalar.ReadAsync(connectionString, "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Reseller.Contracts.Billing.InvoiceIssued%'"));
        Assert.Equal(Accounts, await SqlScalar.ReadAsync(connectionString, "SELECT max(last_number) FROM invoice_number_sequences"));
        Assert.Equal(0, await SqlScalar.ReadAsync(connectionString, "SELECT count(*) FROM billed_accounts WHERE current_period_end <= CURRENT_DATE"));

        await using var again = billing.CreateAsyncScope();
        Assert.Equal(0, await again.ServiceProvider.GetRequiredService<RenewalJob>().RunDueAsync(DateTimeOffset.UtcNow, CancellationToken.None));
    }

    private static async Task SeedDueAccountsAsync(string connectionString, DateOnly today)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO billing_profiles (id, partner_id, name, provider_token, brand, last4, exp_month, exp_year, created_at)
            SELECT DISTINCT md5('partner' || (n / 10))::uuid, md5('partner' || (n / 10))::uuid, 'Card', 'tok_sbx_ok_test', 'visa', '4242', 12, 2099, now()
            FROM generate_series(0, @accounts - 1) n;
            INSERT INTO billed_accounts (account_id, partner_id, plan, cadence, payer, billing_profile_id, status, anchor_date,
                                         period_index, current_period_start, current_period_end)
            SELECT md5('account' || n)::uuid, md5('partner' || (n / 10))::uuid,
                   '{"Product":"marketing","Tier":"plus","Contacts":1000,"Seats":3,"AddOns":[],"Cadence":"monthly"}'::jsonb,
                   'monthly', 'partner', md5('partner' || (n / 10))::uuid, 'Active', @anchor, 1, @anchor, @today
            FROM generate_series(0, @accounts - 1) n;
            """, connection);
        command.Parameters.AddWithValue("accounts", Accounts);
        command.Parameters.AddWithValue("anchor", today.AddMonths(-1));
        command.Parameters.AddWithValue("today", today);
        await command.ExecuteNonQueryAsync();
    }
}
