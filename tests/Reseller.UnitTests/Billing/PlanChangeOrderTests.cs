using Reseller.Billing.FollowedAccounts;
using Reseller.Contracts.Accounts;

namespace Reseller.UnitTests.Billing;

/// <summary>Each plan change is priced from the plan the one before it left, so Billing applies them in Accounts' order.</summary>
public sealed class PlanChangeOrderTests
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");

    private static BilledAccount Account() =>
        BilledAccount.From(new AccountCreated(Guid.NewGuid(), Guid.NewGuid(), "acct", Plus, Payers.Partner, Guid.NewGuid(), "pending",
            new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), "a@b.test"));

    [Fact]
    public void The_first_change_is_next_and_a_later_one_waits_for_the_changes_before_it()
    {
        var account = Account();

        Assert.False(account.AwaitsPlanChangeBefore(1));
        Assert.True(account.AwaitsPlanChangeBefore(2));
        account.PlanChangeApplied(1);
        Assert.False(account.AwaitsPlanChangeBefore(2));
        Assert.True(account.AwaitsPlanChangeBefore(3));
    }

    [Fact]
    public void A_change_waits_while_the_first_charge_is_under_way_and_not_after_it_succeeded_or_failed()
    {
        var paid = Account();
        var declined = Account();
        Assert.True(paid.AwaitsFirstCharge);

        paid.PeriodPaid(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1));
        declined.ChargeFailed(final: false);

        Assert.False(paid.AwaitsFirstCharge);
        Assert.False(declined.AwaitsFirstCharge);
    }

    [Fact]
    public void A_trial_awaits_no_charge_until_a_paid_plan_restarts_it()
    {
        var trial = BilledAccount.From(new AccountCreated(Guid.NewGuid(), Guid.NewGuid(), "acct", Plus with { Cadence = "trial" }, Payers.Partner, null, "trial",
            new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), "a@b.test"));
        Assert.False(trial.AwaitsFirstCharge);

        trial.Reanchor(Plus, new DateOnly(2026, 3, 10), new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));

        Assert.True(trial.AwaitsFirstCharge);
    }

    [Fact]
    public void A_trials_expiry_heard_after_the_paid_plan_that_restarted_it_is_stale_and_never_closes_it()
    {
        var trial = BilledAccount.From(new AccountCreated(Guid.NewGuid(), Guid.NewGuid(), "acct", Plus with { Cadence = "trial" }, Payers.Partner, null, "trial",
            new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), "a@b.test"));
        var expiredAt = new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero);
        trial.Reanchor(Plus, new DateOnly(2026, 3, 16), expiredAt.AddDays(1));
        trial.PeriodPaid(new DateOnly(2026, 3, 16), new DateOnly(2026, 4, 16));

        trial.FollowStatus(AccountStatuses.Expired, expiredAt);

        Assert.Equal(AccountStatus.Active, trial.Status);
        trial.FollowStatus(AccountStatuses.Cancelled, expiredAt.AddDays(2));
        Assert.Equal(AccountStatus.Cancelled, trial.Status);
    }

    [Fact]
    public void A_change_applied_already_is_recognised_and_never_moves_the_revision_back()
    {
        var account = Account();
        account.PlanChangeApplied(1);
        account.PlanChangeApplied(2);

        Assert.True(account.HasAppliedPlanChange(1));
        Assert.True(account.HasAppliedPlanChange(2));
        Assert.False(account.HasAppliedPlanChange(3));
        account.PlanChangeApplied(1);
        Assert.Equal(2, account.PlanRevision);
    }

    [Fact]
    public void An_unnumbered_change_from_an_older_publisher_applies_at_once_and_leaves_the_numbering_alone()
    {
        var account = Account();
        account.PlanChangeApplied(1);

        Assert.False(account.HasAppliedPlanChange(null));
        Assert.False(account.AwaitsPlanChangeBefore(null));
        account.PlanChangeApplied(null);
        Assert.Equal(1, account.PlanRevision);
    }

    [Fact]
    public void A_change_by_the_partner_an_account_moved_to_waits_for_the_move_in_and_then_applies()
    {
        var account = Account();
        var formerPartner = account.PartnerId;
        var newPartner = Guid.NewGuid();
        var movedOutAt = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
        var movedInAt = movedOutAt.AddHours(2);
        var changedAt = movedInAt.AddSeconds(3);
        Assert.True(account.TransferredOut(movedOutAt));

        Assert.True(account.AwaitsMoveInBefore(newPartner, changedAt));
        Assert.False(account.AwaitsMoveInBefore(formerPartner, movedOutAt.AddMinutes(-1)));
        Assert.True(account.TransferredIn(newPartner, "acct", Plus, Payers.Partner, movedInAt));

        Assert.False(account.AwaitsMoveInBefore(newPartner, changedAt));
    }

    [Fact]
    public void A_change_older_than_the_last_transfer_never_waits_for_a_move_in()
    {
        var account = Account();
        var formerPartner = account.PartnerId;
        var movedInAt = new DateTimeOffset(2026, 4, 1, 11, 0, 0, TimeSpan.Zero);
        Assert.True(account.TransferredIn(Guid.NewGuid(), "acct", Plus, Payers.Partner, movedInAt));

        Assert.False(account.AwaitsMoveInBefore(formerPartner, movedInAt.AddMinutes(-5)));
        Assert.False(account.AwaitsMoveInBefore(formerPartner, movedInAt));
    }

    [Fact]
    public void A_period_paid_after_the_cancellation_was_heard_keeps_the_account_cancelled_so_it_is_never_renewed()
    {
        var account = Account();
        account.PeriodPaid(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1));
        account.FollowStatus(AccountStatuses.Cancelled, new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));

        account.PeriodPaid(new DateOnly(2026, 3, 10), new DateOnly(2027, 3, 10));

        Assert.Equal((AccountStatus.Cancelled, new DateOnly(2027, 3, 10)), (account.Status, account.CurrentPeriodEnd));
    }
}
