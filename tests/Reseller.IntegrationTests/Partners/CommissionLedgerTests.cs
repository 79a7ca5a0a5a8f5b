using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.IntegrationTests.Messaging;
using Reseller.Partners.Commissions;
using Reseller.Partners.Data;
using Reseller.Partners.FollowedAccounts;
using Reseller.Partners.Referrals;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Problems;

using Partner = Reseller.Partners.Organisations.Partner;

namespace Reseller.IntegrationTests.Partners;

public sealed class CommissionLedgerTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
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
    public async Task An_invoice_with_vat_earns_on_its_amount_before_vat()
    {
        await using var host = await StartAsync();
        var (partnerId, accountId) = await SeedCustomerPaidAccountAsync(host, referredAt: null);
        // 4900 and 20 % VAT: 5880 paid, of which 980 is the state's. Cashback is 15 % of 4900, not of 5880 (882).
        var paid = Paid(partnerId, accountId, 5880, host.Clock.GetUtcNow()) with { Tax = 980 };

        await host.Bus.Publish(paid);

        Assert.True(await Eventually.HoldsAsync(() => host.QueryAsync(db => db.Earnings.AnyAsync(e => e.InvoiceId == paid.InvoiceId)), Timeout));
        var earning = await host.QueryAsync(db => db.Earnings.SingleAsync(e => e.InvoiceId == paid.InvoiceId));
        Assert.Equal((EarningKinds.Cashback, 735L), (earning.Kind, earning.Amount));
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

    [Fact]
    public async Task Credit_notes_that_overtake_their_invoices_payment_are_taken_back_once_it_earns()
    {
        await using var host = await StartAsync();
        var now = host.Clock.GetUtcNow();
        var (partnerId, accountId) = await SeedCustomerPaidAccountAsync(host, referredAt: now);
        var paid = Paid(partnerId, accountId, 4900, now);

        // A quarter credited, then the rest, both consumed before the payment (and the first delivered twice).
        var quarter = new CreditNoteIssued(Guid.CreateVersion7(), "CN-1", paid.InvoiceId, partnerId, accountId, "customer", 1225, "USD", now.AddMinutes(1));
        var rest = new CreditNoteIssued(Guid.CreateVersion7(), "CN-2", paid.InvoiceId, partnerId, accountId, "customer", 3675, "USD", now.AddMinutes(2));
        var quarterId = NewId.NextGuid();
        await host.Bus.Publish(quarter, c => c.MessageId = quarterId);
        await host.Bus.Publish(quarter, c => c.MessageId = quarterId);
        await host.Bus.Publish(rest);
        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.EarlyCreditNotes.CountAsync(n => n.InvoiceId == paid.InvoiceId)) == 2, Timeout),
            "The credit notes consumed before the payment were not kept.");
        Assert.Equal(0, await host.QueryAsync(db => db.Earnings.CountAsync(e => e.PartnerId == partnerId)));

        await host.Bus.Publish(paid);

        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.Earnings.CountAsync(e => e.PartnerId == partnerId)) == 3, Timeout),
            "The payment did not earn and take back both notes.");
        var earnings = await host.QueryAsync(db => db.Earnings.Where(e => e.PartnerId == partnerId).OrderBy(e => e.EarnedAt).ToListAsync());
        Assert.Equal(980, earnings.Single(e => e.Kind == EarningKinds.Commission).Amount);
        Assert.Equal([(quarter.CreditNoteId, -245L), (rest.CreditNoteId, -735L)],
            earnings.Where(e => e.Kind == EarningKinds.Reversal).Select(e => (e.CreditNoteId!.Value, e.Amount)).ToList());
        Assert.Equal(0, earnings.Sum(e => e.Amount));
        Assert.Equal(0, await host.QueryAsync(db => db.EarlyCreditNotes.CountAsync(n => n.InvoiceId == paid.InvoiceId)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the notes overtake the payment, the last issued arriving first
    public async Task Partial_credit_notes_that_together_credit_the_whole_invoice_take_back_the_whole_earning(bool early)
    {
        await using var host = await StartAsync();
        var now = host.Clock.GetUtcNow();
        var (partnerId, accountId) = await SeedCustomerPaidAccountAsync(host, referredAt: null);
        // 667 paid earns 100 of cashback (15 %). Credited in three parts (222, 222, 223), each part's own share rounds to 33,
        // and three of them would leave 1 earned on an invoice refunded in full. Each note takes its cumulative share.
        var paid = Paid(partnerId, accountId, 667, now);
        var notes = new[] { 222L, 222L, 223L }
            .Select((amount, i) => new CreditNoteIssued(Guid.CreateVersion7(), $"CN-{i + 1}", paid.InvoiceId, partnerId, accountId, "customer", amount, "USD",
                now.AddMinutes(i + 1), InvoicePurposes.Renewal, null, 667, CreditedBefore: 222L * i))
            .ToList();

        if (early)
        {
            foreach (var note in Enumerable.Reverse(notes))
            {
                await host.Bus.Publish(note);
            }
            Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.EarlyCreditNotes.CountAsync(n => n.InvoiceId == paid.InvoiceId)) == 3, Timeout),
                "The credit notes consumed before the payment were not kept.");
            await host.Bus.Publish(paid);
        }
        else
        {
            await host.Bus.Publish(paid);
            Assert.True(await Eventually.HoldsAsync(() => host.QueryAsync(db => db.Earnings.AnyAsync(e => e.InvoiceId == paid.InvoiceId)), Timeout));
            foreach (var note in notes)
            {
                await host.Bus.Publish(note);
            }
        }

        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.Earnings.CountAsync(e => e.InvoiceId == paid.InvoiceId)) == 4, Timeout),
            "The payment did not earn and take back its three notes.");
        var earnings = await host.QueryAsync(db => db.Earnings.Where(e => e.InvoiceId == paid.InvoiceId).ToListAsync());
        Assert.Equal(100, earnings.Single(e => e.Kind == EarningKinds.Cashback).Amount);
        Assert.Equal([-33L, -34L, -33L], notes.Select(n => earnings.Single(e => e.CreditNoteId == n.CreditNoteId).Amount).ToList());
        Assert.Equal(0, earnings.Sum(e => e.Amount));
    }

    [Fact]
    public async Task An_invoice_paid_long_before_its_referral_account_is_known_waits_and_earns_the_referral_commission()
    {
        await using var host = await PartnersHost.StartAsync(infrastructure, await infrastructure.CreateDatabaseAsync<PartnersDb>("partners"), runId, QuickRedelivery.Settings());
        var now = host.Clock.GetUtcNow();
        var (partnerId, _) = await SeedCustomerPaidAccountAsync(host, referredAt: null);
        var accountId = Guid.CreateVersion7();
        var paid = Paid(partnerId, accountId, 4900, now);
        var messageId = NewId.NextGuid();

        // Billing's payment arrives while the account's AccountCreated is still on its way (a lagging consumer, a backlog):
        // it waits past every immediate retry into a deferred redelivery.
        await host.Bus.Publish(paid, c => c.MessageId = messageId);
        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageId == messageId)) >= 1, Timeout),
            "The payment of an account not followed yet was never deferred.");
        Assert.Equal(0, await host.QueryAsync(db => db.Earnings.CountAsync(e => e.InvoiceId == paid.InvoiceId)));

        await SeedCustomerPaidAccountAsync(host, referredAt: now, existingPartner: partnerId, knownAccountId: accountId);

        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.Earnings.AnyAsync(e => e.InvoiceId == paid.InvoiceId)), Timeout));
        var earning = await host.QueryAsync(db => db.Earnings.SingleAsync(e => e.InvoiceId == paid.InvoiceId));
        Assert.Equal((EarningKinds.Commission, 980L), (earning.Kind, earning.Amount));
    }

    [Fact]
    public async Task An_invoice_paid_after_its_accounts_activation_but_before_its_creation_was_heard_earns_the_referral_commission()
    {
        await using var host = await PartnersHost.StartAsync(infrastructure, await infrastructure.CreateDatabaseAsync<PartnersDb>("partners"), runId, QuickRedelivery.Settings());
        var now = host.Clock.GetUtcNow();
        var (partnerId, _) = await SeedCustomerPaidAccountAsync(host, referredAt: null);
        var accountId = Guid.CreateVersion7();
        var name = "acct-" + accountId.ToString("N")[..12];
        await host.SaveAsync(db => db.ReferralSignups.Add(ReferralSignup.Start(partnerId, name, now)));

        // The account's activation is consumed before its creation (another queue, a backlog), then Billing's payment.
        await host.Bus.Publish(new AccountStatusChanged(accountId, partnerId, "pending", "active", "monthly", "customer", now.AddSeconds(2)));
        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.FollowedAccounts.AnyAsync(a => a.AccountId == accountId)), Timeout));
        var paid = Paid(partnerId, accountId, 4900, now.AddSeconds(1));
        var messageId = NewId.NextGuid();
        await host.Bus.Publish(paid, c => c.MessageId = messageId);
        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageId == messageId)) >= 1, Timeout),
            "The payment was decided before the account's creation was heard.");
        Assert.Equal(0, await host.QueryAsync(db => db.Earnings.CountAsync(e => e.InvoiceId == paid.InvoiceId)));

        await host.Bus.Publish(new AccountCreated(accountId, partnerId, name, new AccountPlan("marketing", "plus", 1000, null, [], "monthly"),
            "customer", null, "pending", now, "n@agency.test"));

        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.Earnings.AnyAsync(e => e.InvoiceId == paid.InvoiceId)), Timeout));
        var earning = await host.QueryAsync(db => db.Earnings.SingleAsync(e => e.InvoiceId == paid.InvoiceId));
        Assert.Equal((EarningKinds.Commission, 980L), (earning.Kind, earning.Amount));
    }

    [Fact]
    public async Task A_month_that_closed_negative_is_carried_into_the_partners_next_statement_so_the_refund_is_never_paid_out()
    {
        await using var host = await StartAsync();
        var now = host.Clock.GetUtcNow();
        var (partnerId, accountId) = await SeedCustomerPaidAccountAsync(host, referredAt: now);
        var firstMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var paid = Paid(partnerId, accountId, 4900, now);
        await host.Bus.Publish(paid);
        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.Earnings.CountAsync(e => e.PartnerId == partnerId)) == 1, Timeout));
        host.Clock.AdvanceTo(firstMonth.AddMonths(1).AddMinutes(1));
        await host.CloseMonthsConcurrentlyAsync(instances: 1);

        // The next month only refunds the invoice: that month's statement is what the partner owes back.
        await host.Bus.Publish(new CreditNoteIssued(Guid.CreateVersion7(), "CN-1", paid.InvoiceId, partnerId, accountId, "customer", 4900, "USD", host.Clock.GetUtcNow()));
        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.Earnings.CountAsync(e => e.PartnerId == partnerId)) == 2, Timeout));
        host.Clock.AdvanceTo(firstMonth.AddMonths(2).AddMinutes(1));
        await host.CloseMonthsConcurrentlyAsync(instances: 1);

        // A month with nothing earned closes nothing; the one after earns again and nets what is owed.
        host.Clock.AdvanceTo(firstMonth.AddMonths(3).AddDays(3));
        await host.CloseMonthsConcurrentlyAsync(instances: 1);
        await host.Bus.Publish(Paid(partnerId, accountId, 2999, host.Clock.GetUtcNow()));
        await host.Bus.Publish(Paid(partnerId, accountId, 12345, host.Clock.GetUtcNow()));
        Assert.True(await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.Earnings.CountAsync(e => e.PartnerId == partnerId)) == 4, Timeout));
        host.Clock.AdvanceTo(firstMonth.AddMonths(4).AddMinutes(1));
        var closed = await host.CloseMonthsConcurrentlyAsync(instances: 3);

        var statements = await host.QueryAsync(db => db.Statements.Where(s => s.PartnerId == partnerId).OrderBy(s => s.Month).ToListAsync());
        Assert.Equal(1, closed.Sum());
        Assert.Equal(3, statements.Count);
        var (earned, owed, netted) = (statements[0], statements[1], statements[2]);
        Assert.Equal((980L, StatementStatus.Held), (earned.Total, earned.Status));
        Assert.Equal((-980L, StatementStatus.CarriedForward, (Guid?)netted.Id), (owed.Total, owed.Status, owed.CarriedIntoId));
        Assert.Equal((-980L, 600L + 2469L - 980L, 2, StatementStatus.Held), (netted.CarriedIn, netted.Total, netted.LineCount, netted.Status));
    }

    [Fact]
    public async Task A_month_is_not_paid_out_by_hand_while_a_later_month_of_its_partner_is_owed_back()
    {
        await using var host = await StartAsync();
        var now = host.Clock.GetUtcNow();
        var (october, november) = (new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1));
        var partner = Partner.Create("Agency", $"owner-{Guid.NewGuid():N}@agency.test", "FR", "USD", now);
        var other = Partner.Create("Other agency", $"owner-{Guid.NewGuid():N}@agency.test", "FR", "USD", now);
        Statement earned = null!, othersEarned = null!;
        await host.SaveAsync(db =>
        {
            // October earned 980; November's credit note took it back, and November closed at -980, not carried yet.
            Earning Line(Partner owner, long amount, DateOnly month) => Earning.ForInvoice(owner.Id, Guid.CreateVersion7(), Guid.CreateVersion7(), "RSL-2026-000001",
                amount < 0 ? EarningKinds.Reversal : EarningKinds.Commission, 4900, amount, "USD", month, now);
            var (commission, reversal, othersCommission) = (Line(partner, 980, october), Line(partner, -980, november), Line(other, 980, october));
            earned = Statement.Close(partner.Id, october, [commission], "USD", hasPaypal: true, now);
            othersEarned = Statement.Close(other.Id, october, [othersCommission], "USD", hasPaypal: true, now);
            db.Partners.AddRange(partner, other);
            db.Earnings.AddRange(commission, reversal, othersCommission);
            db.Statements.AddRange(earned, Statement.Close(partner.Id, november, [reversal], "USD", hasPaypal: true, now), othersEarned);
        });

        Task PayOutAsync(Statement statement) => host.QueryAsync(db => CommissionsApi.PayOutAsync(
            PublicId.Format(StatementResponse.IdPrefix, statement.Id), new PayoutRequest("PAYPAL-1"), db, host.Clock, CancellationToken.None));
        var refused = await Assert.ThrowsAsync<ProblemException>(() => PayOutAsync(earned));
        Assert.Equal((409, ProblemTypes.Uri("statement-waits-for-owed-back")), (refused.Status, refused.Type));
        await PayOutAsync(othersEarned);

        var statuses = await host.QueryAsync(db => db.Statements.AsNoTracking().Where(s => s.Id == earned.Id || s.Id == othersEarned.Id).ToDictionaryAsync(s => s.Id, s => s.Status));
        Assert.Equal((StatementStatus.Pending, StatementStatus.Paid), (statuses[earned.Id], statuses[othersEarned.Id]));
    }

    private async Task<PartnersHost> StartAsync() =>
        await PartnersHost.StartAsync(infrastructure, await infrastructure.CreateDatabaseAsync<PartnersDb>("partners"), runId);

    private static async Task<(Guid PartnerId, Guid AccountId)> SeedCustomerPaidAccountAsync(PartnersHost host, DateTimeOffset? referredAt, Guid? existingPartner = null,
        Guid? knownAccountId = null)
    {
        var now = host.Clock.GetUtcNow();
        var partnerId = existingPartner ?? Guid.Empty;
        var accountId = knownAccountId ?? Guid.CreateVersion7();
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
