using System.Net;
using System.Text.Json.Nodes;

using Npgsql;

using Reseller.AppHost;
using Reseller.EndToEndTests.Flows.Accounts;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.CrossService;

/// <summary>Helpers of the cross-service flows: invoices awaited through the gateway and the money rules of docs/business-rules.md.</summary>
public static class CrossFlow
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(45);

    /// <summary>Waits until the account has an invoice of the purpose matching the condition, and returns it.</summary>
    public static async Task<JsonNode> WaitForInvoiceAsync(GatewayClient client, Partner partner, string accountId, string purpose, Func<JsonNode, bool>? condition = null)
    {
        var invoices = await Eventually.ReadAsync(
            () => client.InvoicesOfAsync(partner, accountId),
            all => all.Any(Matches),
            Settle,
            $"a {purpose} invoice for {accountId}",
            all => all.ToJsonString());
        return invoices.First(Matches)!;

        bool Matches(JsonNode? invoice) => invoice!["purpose"]!.GetValue<string>() == purpose && (condition?.Invoke(invoice) ?? true);
    }

    /// <summary>The proration of docs/business-rules.md: amount × remaining days / days in the period, half-to-even to the cent.</summary>
    public static long Prorate(long amount, DateOnly changedOn, DateOnly periodStart, DateOnly periodEnd) =>
        (long)Math.Round((decimal)amount * (periodEnd.DayNumber - changedOn.DayNumber) / (periodEnd.DayNumber - periodStart.DayNumber), MidpointRounding.ToEven);

    /// <summary>A line less the reseller discount, the discount rounded half-to-even to the cent.</summary>
    public static long LessDiscount(long amount, int percent) =>
        amount - (long)Math.Round(amount * percent / 100m, MidpointRounding.ToEven);

    public static DateOnly Date(JsonNode node) => DateOnly.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<JsonNode> PartnerSummaryAsync(GatewayClient client, Partner partner) =>
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/partners/me", token: partner.Token), HttpStatusCode.OK);

    /// <summary>Waits until the partner's summary matches (Partners follows Billing/Accounts events asynchronously).</summary>
    public static Task<JsonNode> WaitForSummaryAsync(GatewayClient client, Partner partner, int paidAccounts) =>
        Eventually.ReadAsync(
            () => PartnerSummaryAsync(client, partner),
            summary => summary["paid_accounts"]!.GetValue<int>() == paidAccounts,
            Settle,
            $"paid_accounts to reach {paidAccounts}",
            summary => summary.ToJsonString());

    /// <summary>
    /// Waits until Billing has taken an account change in (its copy of the account matches the SQL condition), so that a
    /// clock move that follows cannot overtake the event: the sandbox clock runs what is due, not messages still queued.
    /// </summary>
    public static async Task WaitForBillingAsync(ResellerSystem system, string accountId, string condition)
    {
        var id = Guid.ParseExact(accountId["acc_".Length..], "N");
        await using var connection = new NpgsqlConnection(system.App.GetConnectionString(ResellerResources.BillingDb));
        await connection.OpenAsync();
        if (!await Eventually.HoldsAsync(async () =>
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM billed_accounts WHERE account_id = @id AND {condition}", connection);
            command.Parameters.AddWithValue("id", id);
            return (long)(await command.ExecuteScalarAsync())! == 1;
        }, Settle))
        {
            Assert.Fail($"Billing never saw {condition} for {accountId}: {await WhereTheChangeStoodAsync(system, connection, id)}");
        }
    }

    /// <summary>Billing's copy of the account, and Accounts' outbox rows not yet published: where an awaited change was held up.</summary>
    private static async Task<string> WhereTheChangeStoodAsync(ResellerSystem system, NpgsqlConnection billing, Guid id)
    {
        await using var copy = new NpgsqlCommand("SELECT status || ' (renewal ' || coalesce(renewal_invoiced_for::text, '-') || ')' FROM billed_accounts WHERE account_id = @id", billing);
        copy.Parameters.AddWithValue("id", id);
        var status = await copy.ExecuteScalarAsync() as string ?? "no copy";
        await using var accounts = new NpgsqlConnection(system.App.GetConnectionString(ResellerResources.AccountsDb));
        await accounts.OpenAsync();
        await using var outbox = new NpgsqlCommand(
            "SELECT count(*) || ' unpublished, at most ' || coalesce(max(attempts), 0) || ' attempts' FROM outbox_messages WHERE published_at IS NULL", accounts);
        return $"Billing's copy is {status}; Accounts' outbox has {await outbox.ExecuteScalarAsync()}";
    }

    public static AccountKit Kit(ResellerSystem system, GatewayClient client) => new(system, client);
}
