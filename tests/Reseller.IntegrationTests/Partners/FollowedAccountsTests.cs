using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Accounts;
using Reseller.IntegrationTests.Messaging;
using Reseller.Partners.Data;
using Reseller.Partners.FollowedAccounts;

using Partner = Reseller.Partners.Organisations.Partner;

namespace Reseller.IntegrationTests.Partners;

public sealed class FollowedAccountsTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private static readonly TimeSpan Timeout = Eventually.Propagation;
    private static readonly AccountPlan Monthly = new("marketing", "plus", 1000, null, [], "monthly");
    private readonly string runId = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Paid_accounts_follow_account_events_in_any_order_and_payer_switches_without_Partners_mailing_them()
    {
        await using var host = await PartnersHost.StartAsync(infrastructure, await infrastructure.CreateDatabaseAsync<PartnersDb>("partners"), runId);
        var now = host.Clock.GetUtcNow();
        var partner = Partner.Create("Agency", $"owner-{Guid.NewGuid():N}@agency.test", "FR", "USD", now);
        await host.SaveAsync(db => db.Partners.Add(partner));
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        await host.Bus.Publish(new AccountCreated(first, partner.Id, "first", Monthly, "partner", null, "pending", now, "notices@agency.test"));
        await host.Bus.Publish(new AccountStatusChanged(first, partner.Id, "pending", "active", "monthly", "partner", now.AddSeconds(1)));
        // The second account's activation overtakes its creation.
        await host.Bus.Publish(new AccountStatusChanged(second, partner.Id, "pending", "active", "monthly", "partner", now.AddSeconds(1)));
        Assert.True(await Eventually.HoldsAsync(async () => await PaidAsync(host, partner.Id) == 2, Timeout));
        await host.Bus.Publish(new AccountCreated(second, partner.Id, "second", Monthly, "partner", null, "pending", now, "notices@agency.test"));
        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.FollowedAccounts.CountAsync(a => a.AccountId == second && a.CreatedAt != null)) == 1, Timeout));
        Assert.Equal(2, await PaidAsync(host, partner.Id));

        await host.Bus.Publish(new PayerChanged(first, partner.Id, "partner", "customer", null, "notices@agency.test", now.AddSeconds(2)));
        Assert.True(await Eventually.HoldsAsync(async () => await PaidAsync(host, partner.Id) == 1, Timeout));

        // The switch back is the later marker: by the time it is followed, Partners has mailed nobody (Billing mails the switch).
        await host.Bus.Publish(new PayerChanged(first, partner.Id, "customer", "partner", null, "notices@agency.test", now.AddSeconds(3)));
        Assert.True(await Eventually.HoldsAsync(async () => await PaidAsync(host, partner.Id) == 2, Timeout));
        Assert.False(Directory.Exists(host.MailDirectory) && Directory.GetFiles(host.MailDirectory, "*.eml").Length > 0);
    }

    [Fact]
    public async Task Two_changes_of_one_account_consumed_at_once_leave_the_newer_one_whichever_commits_last()
    {
        var database = await infrastructure.CreateDatabaseAsync<PartnersDb>("partners");
        await using var host = await PartnersHost.StartAsync(infrastructure, database, runId);
        var now = host.Clock.GetUtcNow();
        var partner = Partner.Create("Agency", $"owner-{Guid.NewGuid():N}@agency.test", "FR", "USD", now);
        await host.SaveAsync(db => db.Partners.Add(partner));
        var account = Guid.CreateVersion7();
        await host.Bus.Publish(new AccountCreated(account, partner.Id, "busy", Monthly, "partner", null, "pending", now, "notices@agency.test"));
        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.FollowedAccounts.CountAsync(a => a.AccountId == account)) == 1, Timeout));

        // The newer change queues on the row first and the older one behind it, as when two consumers take them side by side.
        await using (var row = await HeldRow.LockAsync(database, "followed_accounts", "account_id", account))
        {
            await host.Bus.Publish(new AccountStatusChanged(account, partner.Id, "pending", "active", "monthly", "partner", now.AddSeconds(2)));
            await row.WaitForWaitersAsync(1);
            await host.Bus.Publish(new AccountStatusChanged(account, partner.Id, "pending", "payment_failed", "monthly", "partner", now.AddSeconds(1)));
            await row.WaitForWaitersAsync(2);
        }

        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db =>
            db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM inbox_messages WHERE consumer = 'PartnerAccountStatusChangedConsumer'").SingleAsync()) == 2, Timeout));
        Assert.Equal("active", (await host.QueryAsync(db => db.FollowedAccounts.SingleAsync(a => a.AccountId == account))).Status);
        Assert.Equal(1, await PaidAsync(host, partner.Id));
    }

    private static Task<int> PaidAsync(PartnersHost host, Guid partnerId) =>
        host.QueryAsync(db => db.FollowedAccounts.CountAsync(FollowedAccount.IsPaid(partnerId)));
}
