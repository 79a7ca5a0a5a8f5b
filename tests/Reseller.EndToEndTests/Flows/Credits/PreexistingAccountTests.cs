using System.Net;

using Npgsql;

using Reseller.AppHost;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Credits;

/// <summary>
/// Credits learns accounts from Accounts' events; an account that existed before (its row missing in credit_accounts) is
/// asked of Accounts on first use instead of being answered 404 as if it were not the partner's.
/// </summary>
public sealed class PreexistingAccountTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task An_account_credits_never_learnt_of_is_followed_from_accounts_and_receives_credit()
    {
        var partner = await client.CreatePartnerAsync();
        var profileId = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        var accountId = await client.CreateSmsAccountAsync(partner, profileId);
        await client.WaitForAccountAsync(partner, accountId, a => a["status"]!.GetValue<string>() == "active", TimeSpan.FromSeconds(45));
        await client.PurchaseAsync(partner, "sms", 1000);
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "sms") == 1000);
        Assert.True(await ForgetAccountAsync(accountId), "Credits never learnt of the account from its event");

        var assigned = await GatewayClient.JsonAsync(await client.AssignAsync(partner, "sms", accountId, 100), HttpStatusCode.Created);
        Assert.Equal(100, assigned["account_balance"]!.GetValue<long>());
        var consumed = await GatewayClient.JsonAsync(await client.ConsumeAsync(partner.Token, accountId, "sms", 30), HttpStatusCode.Created);
        Assert.Equal(70, consumed["balance"]!.GetValue<long>());
        Assert.Equal(70, CreditsScenarios.AccountHolds(await client.BalancesAsync(partner), accountId, "sms"));

        // Still another partner's: Accounts does not show it to a stranger, so Credits answers 404 as before.
        Assert.True(await ForgetAccountAsync(accountId));
        var stranger = await client.CreatePartnerAsync();
        await ProblemAssert.IsAsync(await client.AssignAsync(stranger, "sms", accountId, 1), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.ConsumeAsync(stranger.Token, accountId, "sms", 1), HttpStatusCode.NotFound);
    }

    /// <summary>Deletes Credits' row for the account, as if it predated Credits' table; false if the row never appeared.</summary>
    private async Task<bool> ForgetAccountAsync(string accountId)
    {
        var id = Guid.ParseExact(accountId["acc_".Length..], "N");
        await using var connection = new NpgsqlConnection(system.App.GetConnectionString(ResellerResources.CreditsDb));
        await connection.OpenAsync();
        return await Eventually.HoldsAsync(async () =>
        {
            await using var command = new NpgsqlCommand("DELETE FROM credit_accounts WHERE account_id = @id", connection);
            command.Parameters.AddWithValue("id", id);
            return await command.ExecuteNonQueryAsync() == 1;
        }, Eventually.Propagation);
    }

    public void Dispose() => client.Dispose();
}
