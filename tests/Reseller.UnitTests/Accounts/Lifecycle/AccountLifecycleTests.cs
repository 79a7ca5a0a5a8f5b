using Reseller.Accounts.ResoldAccounts;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.Accounts.Lifecycle;

public sealed class AccountLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PeriodEnd = Now.AddMonths(1);

    private static Account New(string cadence, Guid? billingProfile)
    {
        var plan = new Plan { Product = "marketing", Tier = "plus", Contacts = 1000, Seats = 3, Cadence = cadence };
        return Account.Create(new NewAccount(Guid.NewGuid(), "client", null, new Customer { Name = "C", Email = "c@client.test" },
            "n@agency.test", "en", "UTC", plan, billingProfile, Payers.Partner), Now, TestCatalog.Default.TrialDays);
    }

    private static Account Active()
    {
        var account = New("monthly", Guid.NewGuid());
        Assert.True(account.ActivateAfterFirstCharge(PeriodEnd));
        return account;
    }

    [Fact]
    public void A_cancelled_account_is_usable_until_its_period_end_then_expires()
    {
        var account = Active();

        Assert.True(account.Cancel());
        Assert.False(account.Cancel());
        Assert.False(account.ExpireIfDue(PeriodEnd.AddSeconds(-1)));
        Assert.True(account.ExpireIfDue(PeriodEnd));
        Assert.Equal(AccountStatus.Expired, account.Status);
    }

    [Fact]
    public void An_account_whose_first_charge_failed_expires_when_cancelled_and_never_opens()
    {
        var account = New("monthly", Guid.NewGuid());
        Assert.True(account.MarkFirstChargeFailed());

        Assert.True(account.Cancel());

        Assert.Equal(AccountStatus.Expired, account.Status);
        Assert.False(account.IsInService);
        Assert.Throws<ProblemException>(() => account.Renew(null, Now));

        // A trial turned paid on a card that declined, then cancelled, does not run on as a trial for nothing.
        var converted = New("trial", Guid.NewGuid());
        converted.ChangePlan(new Plan { Product = "marketing", Tier = "plus", Contacts = 1000, Seats = 3, Cadence = "monthly" }, appliesNow: true);
        Assert.True(converted.MarkFirstChargeFailed());
        Assert.True(converted.Cancel());
        Assert.Equal(AccountStatus.Expired, converted.Status);
        Assert.Throws<ProblemException>(() => converted.Renew(null, Now));
    }

    [Fact]
    public void Renewing_before_the_period_end_un_cancels_without_a_charge()
    {
        var account = Active();
        account.Cancel();

        Assert.False(account.Renew(null, Now.AddDays(3)));
        Assert.Equal(AccountStatus.Active, account.Status);
    }

    [Fact]
    public void An_expired_account_needs_a_plan_change_to_renew()
    {
        var account = Active();
        account.Cancel();
        account.ExpireIfDue(PeriodEnd);

        var problem = Assert.Throws<ProblemException>(() => account.Renew(null, PeriodEnd.AddDays(1)));

        Assert.Equal(409, problem.Status);
        Assert.EndsWith("renewal-requires-plan-change", problem.Type, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payment_failed_account_renews_by_a_charge_request()
    {
        var account = Active();
        account.RenewalFailed(final: false);

        Assert.True(account.Renew(Guid.NewGuid(), Now));
        Assert.Equal(AccountStatus.PaymentFailed, account.Status);
    }

    [Fact]
    public void An_active_account_is_renewable_with_nothing_to_charge_and_keeps_a_card_named_for_its_next_charge()
    {
        var account = Active();
        var card = Guid.NewGuid();

        Assert.False(account.Renew(card, Now));
        Assert.Equal((AccountStatus.Active, card), (account.Status, account.BillingProfileId));
    }

    [Fact]
    public void Removed_seats_wait_for_the_renewal_and_added_seats_apply_now()
    {
        var account = Active();

        var removed = account.ChangeSeats(null, -1);
        var added = account.ChangeSeats(null, 2);

        Assert.Equal(3, removed.Current.Seats);
        Assert.Equal(2, removed.Scheduled!.Seats);
        Assert.Equal(5, added.Current.Seats);
        Assert.Equal(4, added.Scheduled!.Seats);
        account.ApplyScheduledPlan();
        Assert.Equal(4, account.Plan.Seats);
        Assert.Null(account.ScheduledPlan);
    }

    [Fact]
    public void Every_plan_or_seat_change_is_numbered_after_the_one_before_and_a_refused_one_takes_no_number()
    {
        var account = New("trial", Guid.NewGuid());
        var paid = new Plan { Product = "marketing", Tier = "plus", Contacts = 1000, Seats = 3, Cadence = "monthly" };

        var seat = account.ChangeSeats(null, 1);
        var converted = account.ChangePlan(paid, appliesNow: true);
        Assert.Throws<ProblemException>(() => account.ChangeSeats(null, 1));
        Assert.True(account.ActivateAfterFirstCharge(PeriodEnd));
        var downgrade = account.ChangeSeats(null, -1);

        Assert.Equal([1, 2, 3], new[] { seat.Revision, converted.Revision, downgrade.Revision });
        Assert.Equal(3, account.PlanRevision);
    }

    [Fact]
    public void A_trial_turns_paid_only_with_a_billing_profile_and_then_waits_in_pending()
    {
        var withoutCard = New("trial", null);
        var paid = new Plan { Product = "marketing", Tier = "plus", Contacts = 1000, Seats = 3, Cadence = "monthly" };
        Assert.Throws<ProblemException>(() => withoutCard.ChangePlan(paid, appliesNow: true));

        var withCard = New("trial", Guid.NewGuid());
        var change = withCard.ChangePlan(paid, appliesNow: false);

        Assert.Equal(AccountStatus.Pending, withCard.Status);
        Assert.Equal("trial", change.Previous.Cadence);
        Assert.Equal("monthly", change.Current.Cadence);
        Assert.Null(change.Scheduled);
    }

    [Fact]
    public void An_expired_account_given_a_new_plan_is_active_once_billing_reports_the_new_period_paid()
    {
        var account = Active();
        account.Cancel();
        account.ExpireIfDue(PeriodEnd);
        account.ChangePlan(new Plan { Product = "marketing", Tier = "lite", Contacts = 1000, Seats = 1, Cadence = "annual" }, appliesNow: true);
        Assert.Equal(AccountStatus.Pending, account.Status);

        Assert.True(account.PlanChangePeriodPaid(PeriodEnd.AddYears(1)));

        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.Equal(PeriodEnd.AddYears(1), account.CurrentPeriodEnd);
    }

    [Fact]
    public void A_switch_to_annual_paid_after_the_account_was_cancelled_runs_it_to_the_end_of_the_year_still_cancelled()
    {
        var account = Active();
        account.ChangePlan(new Plan { Product = "marketing", Tier = "plus", Contacts = 1000, Seats = 3, Cadence = "annual" }, appliesNow: true);
        Assert.True(account.Cancel());

        Assert.True(account.PlanChangePeriodPaid(PeriodEnd.AddYears(1)));

        Assert.Equal((AccountStatus.Cancelled, PeriodEnd.AddYears(1)), (account.Status, account.CurrentPeriodEnd));
        Assert.False(account.ExpireIfDue(PeriodEnd.AddDays(1)));
        Assert.True(account.ExpireIfDue(PeriodEnd.AddYears(1)));
        Assert.False(account.PlanChangePeriodPaid(PeriodEnd.AddYears(1)));
    }

    [Fact]
    public void A_transferred_account_has_no_partner_until_moved_in()
    {
        var account = Active();
        var former = account.PartnerId;

        Assert.Equal(former, account.TransferOut("owner@client.test"));
        Assert.Equal(Guid.Empty, account.PartnerId);
        Assert.Null(account.BillingProfileId);
        Assert.Throws<ProblemException>(() => account.TransferOut("again@client.test"));
        var next = Guid.NewGuid();
        account.TransferIn(next);
        Assert.Equal(next, account.PartnerId);
        Assert.Equal(AccountStatus.Active, account.Status);
    }

    [Fact]
    public void A_trial_moved_out_and_in_is_still_a_trial_and_expires_at_its_end()
    {
        var trial = New("trial", null);
        var trialEnd = trial.CurrentPeriodEnd!.Value;

        trial.TransferOut("owner@client.test");
        trial.TransferIn(Guid.NewGuid());

        Assert.Equal(AccountStatus.Trial, trial.Status);
        Assert.False(trial.ExpireIfDue(trialEnd.AddSeconds(-1)));
        Assert.True(trial.ExpireIfDue(trialEnd));
    }
}
