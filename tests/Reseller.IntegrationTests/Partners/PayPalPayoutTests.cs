using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Reseller.Partners.Commissions;
using Reseller.Partners.Data;
using Reseller.Partners.Organisations;
using Reseller.Partners.Payouts;
using Reseller.Partners.Payouts.PayPal;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Mail.Outbox;
using Reseller.UnitTests.Partners.Payouts;

namespace Reseller.IntegrationTests.Partners;

/// <summary>The operator's payout of pending statements through the PayPal adapter, against an in-process fake of PayPal's API, on a real database.</summary>
public sealed class PayPalPayoutTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private ServiceProvider services = null!;

    private FakePayPal PayPal => services.GetRequiredService<FakePayPal>();

    public async Task InitializeAsync()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync<PartnersDb>("payouts");
        var collection = new ServiceCollection();
        collection.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        collection.AddDbContext<PartnersDb>(o => DatabaseExtensions.Configure(o, connectionString));
        collection.AddSingleton(TimeProvider.System);
        collection.AddDataProtection();
        collection.AddSingleton<MailOutbox>();
        collection.AddSingleton<FakePayPal>();
        collection.AddSingleton<IPayoutProvider>(sp => new PayPalPayoutProvider(new HttpClient(sp.GetRequiredService<FakePayPal>(), disposeHandler: false),
            Options.Create(new PayPalOptions { BaseUrl = new Uri("https://paypal.fake/"), ClientId = FakePayPal.ClientId, ClientSecret = FakePayPal.ClientSecret }),
            TimeProvider.System));
        collection.AddScoped<PayoutBatches>();
        collection.AddScoped<PayoutStatusJob>();
        services = collection.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PartnersDb>().Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
    }

    [Fact]
    public async Task A_payout_pays_the_succeeded_statement_and_keeps_the_unclaimed_one_in_flight_until_PayPal_returns_it()
    {
        var paid = await PendingStatementAsync("agency@example.test", 4410);
        var unclaimed = await PendingStatementAsync("unclaimed@example.test", 1200);

        var batchId = await InScopeAsync(s => s.GetRequiredService<PayoutBatches>().StartAsync([paid, unclaimed], CancellationToken.None));

        Assert.NotNull(batchId);
        var sent = Assert.Single(PayPal.Requests, r => r.Path == "/v1/payments/payouts");
        Assert.Equal($"pob_{batchId:N}", sent.RequestId);
        Assert.Contains($"\"sender_batch_id\":\"pob_{batchId:N}\"", sent.Body, StringComparison.Ordinal);
        Assert.All(await StatementsAsync(paid, unclaimed), s => Assert.Equal((StatementStatus.Processing, batchId), (s.Status, s.PayoutBatchId)));

        // Sent again under the same id (a retry after a lost answer): PayPal answers the same batch, nothing more is paid.
        await InScopeAsync(async s =>
        {
            await s.GetRequiredService<PayoutBatches>().SendAsync(batchId!.Value, CancellationToken.None);
            return true;
        });
        Assert.Equal(2, PayPal.ItemsPaid);

        Assert.Equal(1, await InScopeAsync(s => s.GetRequiredService<PayoutStatusJob>().RunDueAsync(DateTimeOffset.UtcNow, CancellationToken.None)));
        var statements = (await StatementsAsync(paid, unclaimed)).ToDictionary(s => s.Id);
        Assert.Equal(StatementStatus.Paid, statements[paid].Status);
        Assert.StartsWith("PI", statements[paid].PayoutReference, StringComparison.Ordinal);

        // Unclaimed, the payout can still be claimed for 30 days: the statement stays in its batch and cannot be paid again.
        Assert.Equal((StatementStatus.Processing, batchId), (statements[unclaimed].Status, statements[unclaimed].PayoutBatchId));
        Assert.Null(await InScopeAsync(s => s.GetRequiredService<PayoutBatches>().StartAsync([unclaimed], CancellationToken.None)));
        Assert.Equal(2, PayPal.ItemsPaid);

        // Returned by PayPal after 30 days unclaimed: the statement is pending again, with the reason.
        PayPal.Settle("unclaimed@example.test", "RETURNED");
        Assert.Equal(1, await InScopeAsync(s => s.GetRequiredService<PayoutStatusJob>().RunDueAsync(DateTimeOffset.UtcNow, CancellationToken.None)));
        var returned = Assert.Single(await StatementsAsync(unclaimed));
        Assert.Equal((StatementStatus.Pending, "RETURNED: Unclaimed for 30 days, returned to the sender", (Guid?)null), (returned.Status, returned.PayoutFailure, returned.PayoutBatchId));
        Assert.Equal(0, await InScopeAsync(s => s.GetRequiredService<PayoutStatusJob>().RunDueAsync(DateTimeOffset.UtcNow, CancellationToken.None)));
    }

    [Fact]
    public async Task A_statement_whose_partner_has_no_PayPal_email_is_held_never_sent_with_an_empty_receiver()
    {
        var payable = await PendingStatementAsync("agency@example.test", 4410);
        var unreachable = await PendingStatementAsync(null, 1200);

        List<Statement> held = [];
        var batchId = await InScopeAsync(s => s.GetRequiredService<PayoutBatches>().StartAsync([payable, unreachable], held, CancellationToken.None));

        Assert.NotNull(batchId);
        Assert.Equal(unreachable, Assert.Single(held).Id);
        var sent = Assert.Single(PayPal.Requests, r => r.Path == "/v1/payments/payouts");
        Assert.DoesNotContain("\"receiver\":\"\"", sent.Body, StringComparison.Ordinal);
        Assert.DoesNotContain($"cst_{unreachable:N}", sent.Body, StringComparison.Ordinal);
        var statements = (await StatementsAsync(payable, unreachable)).ToDictionary(s => s.Id);
        Assert.Equal((StatementStatus.Processing, batchId), (statements[payable].Status, statements[payable].PayoutBatchId));
        Assert.Equal((StatementStatus.Held, (Guid?)null), (statements[unreachable].Status, statements[unreachable].PayoutBatchId));

        // Held, it is no longer pending: paying it out alone sends nothing.
        Assert.Null(await InScopeAsync(s => s.GetRequiredService<PayoutBatches>().StartAsync([unreachable], CancellationToken.None)));
        Assert.Single(PayPal.Requests, r => r.Path == "/v1/payments/payouts");
    }

    [Fact]
    public async Task A_statement_with_nothing_to_pay_is_never_sent_so_it_cannot_make_PayPal_refuse_the_batch()
    {
        var payable = await PendingStatementAsync("agency@example.test", 4410);
        var nothing = await PendingStatementAsync("even@example.test", 0);
        var owing = await PendingStatementAsync("owing@example.test", -490);

        var batchId = await InScopeAsync(s => s.GetRequiredService<PayoutBatches>().StartAsync(null, CancellationToken.None));

        Assert.NotNull(batchId);
        Assert.Equal(1, PayPal.ItemsPaid);
        Assert.Equal(1, await InScopeAsync(s => s.GetRequiredService<PayoutStatusJob>().RunDueAsync(DateTimeOffset.UtcNow, CancellationToken.None)));
        var statements = (await StatementsAsync(payable, nothing, owing)).ToDictionary(s => s.Id);
        Assert.Equal(StatementStatus.Paid, statements[payable].Status);
        Assert.All([statements[nothing], statements[owing]], s => Assert.Equal((StatementStatus.Pending, (Guid?)null), (s.Status, s.PayoutBatchId)));
        Assert.Null(await InScopeAsync(s => s.GetRequiredService<PayoutBatches>().StartAsync([nothing, owing], CancellationToken.None)));
    }

    [Fact]
    public async Task Earlier_months_wait_while_a_later_month_that_closed_negative_is_owed_back()
    {
        // October earned 1,000; November's credit notes took it all back and more. Paying October now would pay out a refund.
        var october = await PendingStatementAsync("agency@example.test", 1000);
        var partnerId = (await StatementsAsync(october)).Single().PartnerId;
        var november = await PendingStatementAsync(null, -1000, partnerId, new DateOnly(2026, 11, 1));

        Assert.Null(await InScopeAsync(s => s.GetRequiredService<PayoutBatches>().StartAsync(null, CancellationToken.None)));
        Assert.Equal(0, PayPal.ItemsPaid);
        Assert.Equal(StatementStatus.Pending, (await StatementsAsync(october)).Single().Status);

        // December earns 1,200 and carries November's -1,000: nothing is owed back, so October and December (200) are paid.
        var december = await InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PartnersDb>();
            var owed = await db.Statements.Where(x => x.Id == november).ToListAsync();
            var month = new DateOnly(2026, 12, 1);
            var closed = Statement.Close(partnerId, month,
                [Earning.ForInvoice(partnerId, Guid.NewGuid(), Guid.NewGuid(), "RSL-2", EarningKinds.Commission, 12000, 1200, "USD", month, DateTimeOffset.UtcNow)],
                "USD", hasPaypal: true, DateTimeOffset.UtcNow, owed);
            db.Statements.Add(closed);
            await db.SaveChangesAsync();
            return closed.Id;
        });
        Assert.NotNull(await InScopeAsync(s => s.GetRequiredService<PayoutBatches>().StartAsync(null, CancellationToken.None)));
        Assert.Equal(2, PayPal.ItemsPaid);
        var statements = (await StatementsAsync(october, november, december)).ToDictionary(x => x.Id);
        Assert.Equal((1000L, 200L, StatementStatus.CarriedForward), (statements[october].Total, statements[december].Total, statements[november].Status));
    }

    [Fact]
    public async Task A_batch_sent_again_pays_the_receivers_it_started_with_whatever_the_partners_changed_since()
    {
        var changed = await PendingStatementAsync("agency@example.test", 4410);
        var other = await PendingStatementAsync("other@example.test", 1200);

        // PayPal is down when the batch is first sent; the first partner then removes its PayPal e-mail.
        PayPal.PayoutsToFail = 1;
        var batchId = await InScopeAsync(s => s.GetRequiredService<PayoutBatches>().StartAsync([changed, other], CancellationToken.None));
        Assert.Equal(0, PayPal.ItemsPaid);
        await InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PartnersDb>();
            var partnerId = (await db.Statements.AsNoTracking().SingleAsync(x => x.Id == changed)).PartnerId;
            (await db.Partners.SingleAsync(p => p.Id == partnerId)).Update(new ProfileChanges(null, null, null, null, ""));
            return await db.SaveChangesAsync();
        });

        // The job sends the batch again, as it started: both paid, neither with an empty receiver (which PayPal would refuse,
        // whole batch and every partner in it, at every run).
        Assert.Equal(2, await InScopeAsync(s => s.GetRequiredService<PayoutStatusJob>().RunDueAsync(DateTimeOffset.UtcNow, CancellationToken.None)));
        Assert.Equal(2, PayPal.ItemsPaid);
        Assert.All(PayPal.Requests.Where(r => r.Path == "/v1/payments/payouts"), r => Assert.Equal($"pob_{batchId:N}", r.RequestId));
        Assert.Contains("\"receiver\":\"agency@example.test\"", PayPal.Requests.Last(r => r.Path == "/v1/payments/payouts").Body, StringComparison.Ordinal);
        Assert.All(await StatementsAsync(changed, other), s => Assert.Equal(StatementStatus.Paid, s.Status));
    }

    [Fact]
    public async Task A_batch_PayPal_refuses_for_good_puts_its_statements_back_to_pending_with_the_reason_and_a_new_batch_pays_them()
    {
        var first = await PendingStatementAsync("agency@example.test", 4410);
        var second = await PendingStatementAsync("other@example.test", 1200);

        // The vendor's PayPal balance cannot cover the batch: PayPal refuses it, and would refuse its id again for ever.
        PayPal.PayoutsToRefuse = 1;
        var refused = await Assert.ThrowsAsync<PayoutRefusedException>(() => InScopeAsync(s => s.GetRequiredService<PayoutBatches>().StartAsync([first, second], CancellationToken.None)));
        Assert.StartsWith("INSUFFICIENT_FUNDS", refused.Reason, StringComparison.Ordinal);
        Assert.All(await StatementsAsync(first, second), s =>
        {
            Assert.Equal((StatementStatus.Pending, (Guid?)null), (s.Status, s.PayoutBatchId));
            Assert.Contains("INSUFFICIENT_FUNDS", s.PayoutFailure, StringComparison.Ordinal);
        });
        Assert.Equal(0, await InScopeAsync(s => s.GetRequiredService<PayoutStatusJob>().RunDueAsync(DateTimeOffset.UtcNow, CancellationToken.None)));
        Assert.Single(PayPal.Requests, r => r.Path == "/v1/payments/payouts");

        // Funds added, the operator pays out again: a new batch, under a new id, pays both once.
        var batchId = await InScopeAsync(s => s.GetRequiredService<PayoutBatches>().StartAsync([first, second], CancellationToken.None));
        Assert.Equal($"pob_{batchId:N}", PayPal.Requests.Last(r => r.Path == "/v1/payments/payouts").RequestId);
        Assert.Equal(2, await InScopeAsync(s => s.GetRequiredService<PayoutStatusJob>().RunDueAsync(DateTimeOffset.UtcNow, CancellationToken.None)));
        Assert.Equal(2, PayPal.ItemsPaid);
        Assert.All(await StatementsAsync(first, second), s => Assert.Equal(StatementStatus.Paid, s.Status));
    }

    [Fact]
    public async Task A_batch_refused_for_good_when_sent_again_after_an_outage_is_not_sent_for_ever()
    {
        var statement = await PendingStatementAsync("agency@example.test", 4410);
        PayPal.PayoutsToFail = 1;
        Assert.NotNull(await InScopeAsync(s => s.GetRequiredService<PayoutBatches>().StartAsync([statement], CancellationToken.None)));

        PayPal.PayoutsToRefuse = 1;
        for (var run = 0; run < 3; run++)
        {
            Assert.Equal(0, await InScopeAsync(s => s.GetRequiredService<PayoutStatusJob>().RunDueAsync(DateTimeOffset.UtcNow, CancellationToken.None)));
        }

        // Sent twice (the outage, then the refusal), never again: pending with PayPal's reason, for the operator's next payout.
        Assert.Equal(2, PayPal.Requests.Count(r => r.Path == "/v1/payments/payouts"));
        var pending = Assert.Single(await StatementsAsync(statement));
        Assert.Equal((StatementStatus.Pending, (Guid?)null), (pending.Status, pending.PayoutBatchId));
        Assert.Contains("INSUFFICIENT_FUNDS", pending.PayoutFailure, StringComparison.Ordinal);
        Assert.Equal(0, PayPal.ItemsPaid);
    }

    /// <summary>A pending statement of a new partner (with <paramref name="paypalEmail"/>), or, given <paramref name="partnerId"/>, of that one.</summary>
    private async Task<Guid> PendingStatementAsync(string? paypalEmail, long amount, Guid? partnerId = null, DateOnly? closedMonth = null)
    {
        var now = DateTimeOffset.UtcNow;
        var partner = Partner.Create("Agency", $"owner-{Guid.NewGuid():N}@example.test", "FR", "USD", now);
        if (paypalEmail is not null)
        {
            partner.Update(new ProfileChanges(null, null, null, null, paypalEmail));
        }
        var owner = partnerId ?? partner.Id;
        var month = closedMonth ?? new DateOnly(2026, 10, 1);
        var statement = Statement.Close(owner, month,
            [Earning.ForInvoice(owner, Guid.NewGuid(), Guid.NewGuid(), "RSL-1", EarningKinds.Commission, amount * 10, amount, "USD", month, now)], "USD", hasPaypal: true, now);
        await InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PartnersDb>();
            if (partnerId is null)
            {
                db.Partners.Add(partner);
            }
            db.Statements.Add(statement);
            await db.SaveChangesAsync();
            return true;
        });
        return statement.Id;
    }

    private Task<List<Statement>> StatementsAsync(params Guid[] ids) =>
        InScopeAsync(s => s.GetRequiredService<PartnersDb>().Statements.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync());

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
