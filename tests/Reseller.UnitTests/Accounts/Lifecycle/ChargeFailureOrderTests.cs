using Reseller.Accounts.ResoldAccounts;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.UnitTests.Accounts.Lifecycle;

/// <summary>
/// Billing publishes a renewal's failure and its later payment (a dunning retry, a partner paying at once) close together,
/// and Accounts may consume them in either order: the account ends active either way.
/// </summary>
public sealed class ChargeFailureOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly FirstEnd = new(2026, 12, 25);
    private static readonly DateOnly SecondEnd = new(2027, 1, 25);

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static Account Active()
    {
        var plan = new Plan { Product = "marketing", Tier = "plus", Contacts = 1000, Seats = 3, Cadence = "monthly" };
        var account = Account.Create(new NewAccount(Guid.NewGuid(), "client", null, new Customer { Name = "C", Email = "c@client.test" },
            "n@agency.test", "en", "UTC", plan, Guid.NewGuid(), Payers.Partner), Now, TestCatalog.Default.TrialDays);
        Assert.True(account.ActivateAfterFirstCharge(Midnight(FirstEnd)));
        return account;
    }

    [Fact]
    public void A_renewal_failure_consumed_after_the_same_periods_payment_changes_nothing()
    {
        var account = Active();
        Assert.True(account.RenewalPaid(Midnight(SecondEnd)));

        Assert.False(account.ChargeFailed(InvoicePurposes.Renewal, final: false, SecondEnd));

        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.Equal(Midnight(SecondEnd), account.CurrentPeriodEnd);
    }

    [Fact]
    public void A_renewal_paid_before_a_cancellation_reached_billing_extends_the_cancelled_account_which_stays_cancelled_until_then()
    {
        var account = Active();
        Assert.True(account.Cancel());

        Assert.True(account.RenewalPaid(Midnight(SecondEnd)));

        Assert.Equal((AccountStatus.Cancelled, Midnight(SecondEnd)), (account.Status, account.CurrentPeriodEnd));
        Assert.False(account.ExpireIfDue(Midnight(FirstEnd).AddHours(1)));
        Assert.True(account.ExpireIfDue(Midnight(SecondEnd).AddHours(1)));
    }

    [Fact]
    public void A_renewal_paid_after_the_cancelled_account_expired_leaves_it_expired_and_is_to_be_given_back()
    {
        var account = Active();
        Assert.True(account.Cancel());
        Assert.True(account.ExpireIfDue(Midnight(FirstEnd).AddHours(1)));

        Assert.False(account.RenewalPaid(Midnight(SecondEnd)));

        Assert.True(account.ExpiredBeforeRenewal(Midnight(SecondEnd)));
        Assert.Equal((AccountStatus.Expired, Midnight(FirstEnd)), (account.Status, account.CurrentPeriodEnd));
    }

    [Fact]
    public void Only_an_expired_account_that_never_ran_the_renewed_period_gives_its_payment_back()
    {
        var running = Active();
        var cancelled = Active();
        Assert.True(cancelled.Cancel());
        Assert.True(cancelled.RenewalPaid(Midnight(SecondEnd)));
        Assert.True(cancelled.ExpireIfDue(Midnight(SecondEnd).AddHours(1)));

        Assert.False(running.ExpiredBeforeRenewal(Midnight(SecondEnd)));
        Assert.False(cancelled.ExpiredBeforeRenewal(Midnight(SecondEnd)));
        Assert.False(cancelled.ExpiredBeforeRenewal(Midnight(FirstEnd)));
    }

    [Fact]
    public void A_renewal_failure_consumed_first_is_cured_by_its_payment()
    {
        var account = Active();

        Assert.True(account.ChargeFailed(InvoicePurposes.Renewal, final: false, SecondEnd));
        Assert.Equal(AccountStatus.PaymentFailed, account.Status);
        Assert.True(account.RenewalPaid(Midnight(SecondEnd)));

        Assert.Equal(AccountStatus.Active, account.Status);
    }

    [Fact]
    public void A_final_failure_of_a_period_not_yet_paid_expires_the_account()
    {
        var account = Active();

        Assert.True(account.ChargeFailed(InvoicePurposes.Renewal, final: true, SecondEnd));

        Assert.Equal(AccountStatus.Expired, account.Status);
    }

    [Fact]
    public void A_failure_from_an_older_publisher_without_a_period_applies_as_before()
    {
        var account = Active();
        Assert.True(account.RenewalPaid(Midnight(SecondEnd)));

        Assert.True(account.ChargeFailed(InvoicePurposes.Renewal, final: false, periodEnd: null));

        Assert.Equal(AccountStatus.PaymentFailed, account.Status);
    }

    [Fact]
    public void A_first_charge_failure_marks_a_pending_account()
    {
        var plan = new Plan { Product = "marketing", Tier = "plus", Contacts = 1000, Seats = 3, Cadence = "monthly" };
        var account = Account.Create(new NewAccount(Guid.NewGuid(), "client", null, new Customer { Name = "C", Email = "c@client.test" },
            "n@agency.test", "en", "UTC", plan, Guid.NewGuid(), Payers.Partner), Now, TestCatalog.Default.TrialDays);

        Assert.True(account.ChargeFailed(InvoicePurposes.FirstPeriod, final: false, FirstEnd));

        Assert.Equal(AccountStatus.PaymentFailed, account.Status);
    }

    [Fact]
    public void An_upgrades_proration_declined_leaves_the_account_active_until_its_last_retry_fails_then_it_expires()
    {
        var account = Active();

        Assert.False(account.ChargeFailed(InvoicePurposes.Proration, final: false, FirstEnd));
        Assert.Equal(AccountStatus.Active, account.Status);

        Assert.True(account.ChargeFailed(InvoicePurposes.Proration, final: true, FirstEnd));
        Assert.Equal(AccountStatus.Expired, account.Status);
    }
}
