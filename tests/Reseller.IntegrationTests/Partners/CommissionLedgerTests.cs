using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Partners.Commissions;
using Reseller.Partners.FollowedAccounts;
using Reseller.Partners.Referrals;
using Reseller.ServiceDefaults.Messaging;

using Partner = Reseller.Partners.Organisations.Partner;

namespace Reseller.IntegrationTests.Partners;

[Collection(ServiceHostsLane.Name)]
public sealed class CommissionLedgerTests(TestInfrastructure infrastructure)
{
    private static readonly TimeSpan Timeout = Eventually.Propagation;
    private readonly string runId = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task An_InvoicePaid_delivered_twice_or_published_again_earns_once()
    {
        await using var host = await StartAsync();
        var (partnerId, accountId) = await SeedCustomerPaidAccountAsync(host, referredAt: null);
        var paid = Paid(partnerId, accountId, 4900, host.Clock.GetUtcNow());
        var messageId = NewId.NextGuid();

        await host.Bus.Publish(paid, c => c.MessageId = messageId);
        await host.Bus.Publish(paid, c => c.MessageId = messageId);
        await host.Bus.Publish(paid);

        Assert.True(await Eventually.HoldsAsync(async () => await InboxCountAsync(host) >= 2, Timeout));
        await Task.Delay(TimeSpan.FromSeconds(1)); // Not a condition wait: time for a wrongful second earning to appear.
        var earnings = await host.QueryAsync(db => db.Earnings.Where(e => e.InvoiceId == paid.InvoiceId).ToListAsync());
        var earning = Assert.Single(earnings);
        Assert.Equal(EarningKinds.Cashback, earning.Kind);
        Assert.Equal(735, earning.Amount);
        Assert.Equal(1, await host.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.Contains("CommissionEarned"))));
    }

    [Fact]
    public async Task A_month_closed_by_several_instances_at_once_makes_one_statement_whose_lines_sum_to_the_earnings()
    {
        await using var host = await StartAsync();
        var now = host.Clock.GetUtcNow();
        var referredAt = now.AddMonths(-2);
        var (partnerId, referred) = await SeedCustomerPaidAccountAsync(host, referredAt);
        var (_, cashback) = await SeedCustomerPaidAccountAsync(host, null, partnerId);

        InvoicePaid[] invoices =
        [
            Paid(partnerId, referred, 4900, now), Paid(partnerId, referred, 2999, now),
            Paid(partnerId, cashback, 4900, now), Paid(partnerId, cashback, 12345, now),
        ];
        foreach (var invoice in invoices)
        {
            await host.Bus.Publish(invoice);
        }
        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.Earnings.CountAsync(e => e.PartnerId == partnerId)) == 4, Timeout));

        var nextMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        host.Clock.AdvanceTo(nextMonth.AddMinutes(1));
        var closed = await host.CloseMonthsConcurrentlyAsync(instances: 4);
        var closedAgain = await host.CloseMonthsConcurrentlyAsync(instances: 2);

        var statements = await host.QueryAsync(db => db.Statements.Where(s => s.PartnerId == partnerId).ToListAsync());
        var statement = Assert.Single(statements);
        Assert.Equal(1, closed.Sum());
        Assert.Equal(0, closedAgain.Sum());
        var lines = await host.QueryAsync(db => db.Earnings.Where(e => e.StatementId == statement.Id).ToListAsync());
        Assert.Equal(4, lines.Count);
        Assert.Equal(980 + 600 + 735 + 1852, statement.Total);
        Assert.Equal(statement.Total, lines.Sum(l => l.Amount));
        Assert.Equal(StatementStatus.Held, statement.Status);
    }

    [Fact]
    public async Task A_credit_note_reverses_its_share_once_and_late_earnings_go_to_the_open_month()
    {
        await using var host = await StartAsync();
        var now = host.Clock.GetUtcNow();
        var (partnerId, accountId) = await SeedCustomerPaidAccountAsync(host, referredAt: now);
        var paid = Paid(partnerId, accountId, 4900, now);
        await host.Bus.Publish(paid);
        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.Earnings.CountAsync(e => e.PartnerId == partnerId)) == 1, Timeout));

        var nextMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        host.Clock.AdvanceTo(nextMonth.AddMinutes(1));
        await host.CloseMonthsConcurrentlyAsync(instances: 1);

        // Half of the invoice is credited, in a note delivered twice; and a late invoice of the closed month arrives.
        var note = new CreditNoteIssued(Guid.CreateVersion7(), "CN-1", paid.InvoiceId, partnerId, accountId, "customer", 2450, "USD", host.Clock.GetUtcNow());
        var noteId = NewId.NextGuid();
        await host.Bus.Publish(note, c => c.MessageId = noteId);
        await host.Bus.Publish(note, c => c.MessageId = noteId);
        var late = Paid(partnerId, accountId, 4900, now);
        await host.Bus.Publish(late);
        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.Earnings.CountAsync(e => e.PartnerId == partnerId)) == 3, Timeout));
        await Task.Delay(TimeSpan.FromSeconds(1)); // Not a condition wait: time for a wrongful fourth earning to appear.

        var earnings = await host.QueryAsync(db => db.Earnings.Where(e => e.PartnerId == partnerId).ToListAsync());
        var reversal = Assert.Single(earnings, e => e.Kind == EarningKinds.Reversal);
        Assert.Equal(-490, reversal.Amount);
        var openMonth = EarningRules.MonthOf(host.Clock.GetUtcNow());
        Assert.Equal(openMonth, reversal.Month);
        Assert.Equal(openMonth, earnings.Single(e => e.InvoiceId == late.InvoiceId).Month);
        Assert.Equal(980, (await host.QueryAsync(db => db.Statements.SingleAsync(s => s.PartnerId == partnerId))).Total);
    }

    private async Task<PartnersHost> StartAsync() =>
        await PartnersHost.StartAsync(infrastructure, await infrastructure.CreateDatabaseAsync("partners"), runId);

    private static async Task<(Guid PartnerId, Guid AccountId)> SeedCustomerPaidAccountAsync(PartnersHost host, DateTimeOffset? referredAt, Guid? existingPartner = null)
    {
        var now = host.Clock.GetUtcNow();
        var partnerId = existingPartner ?? Guid.Empty;
        var accountId = Guid.CreateVersion7();
        await host.SaveAsync(db =>
        {
            if (existingPartner is null)
            {
                var partner = Partner.Create("Agency", $"owner-{Guid.NewGuid():N}@agency.test", "FR", "USD", now);
                db.Partners.Add(partner);
                partnerId = partner.Id;
            }
            var account = FollowedAccount.Start(accountId, partnerId);
            account.Created(new AccountCreated(accountId, partnerId, "acct-" + accountId.ToString("N")[..12], new AccountPlan("marketing", "plus", 1000, null, [], "monthly"),
                "customer", null, "pending", referredAt ?? now, "n@agency.test"));
            db.FollowedAccounts.Add(account);
            if (referredAt is { } at)
            {
                var signup = ReferralSignup.Start(partnerId, "acct", at);
                signup.Opened(accountId, at);
                db.ReferralSignups.Add(signup);
            }
        });
        return (partnerId, accountId);
    }

    private static InvoicePaid Paid(Guid partnerId, Guid accountId, long total, DateTimeOffset at) => new(
        Guid.CreateVersion7(), "INV-" + Guid.NewGuid().ToString("N")[..6], partnerId, accountId, InvoicePurposes.Renewal, "customer", total, "USD",
        DateOnly.FromDateTime(at.UtcDateTime), DateOnly.FromDateTime(at.UtcDateTime.AddMonths(1)), at);

    private static Task<int> InboxCountAsync(PartnersHost host) =>
        host.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.Consumer == nameof(CommissionInvoicePaidConsumer)));
}
