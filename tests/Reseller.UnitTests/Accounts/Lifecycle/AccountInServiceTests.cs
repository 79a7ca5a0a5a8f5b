using Reseller.Accounts.ResoldAccounts;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.Accounts.Lifecycle;

/// <summary>"Access follows the account" (docs/business-rules.md): which states let the account's logins and links in.</summary>
public sealed class AccountInServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PeriodEnd = Now.AddMonths(1);

    private static Account New(string cadence, int trialDays = 14) => Account.Create(new NewAccount(Guid.NewGuid(), "client", null,
        new Customer { Name = "C", Email = "c@client.test" }, "n@agency.test", "en", "UTC",
        new Plan { Product = "marketing", Tier = "plus", Contacts = 1000, Seats = 3, Cadence = cadence },
        cadence == "trial" ? null : Guid.NewGuid(), Payers.Partner), Now, trialDays);

    [Fact]
    public void A_paid_account_opens_only_when_its_first_charge_succeeds()
    {
        var account = New("monthly");
        AssertClosed(account);

        account.MarkFirstChargeFailed();
        Assert.Equal(AccountStatus.PaymentFailed, account.Status);
        AssertClosed(account);

        Assert.True(account.ActivateAfterFirstCharge(PeriodEnd));
        Assert.True(account.IsInService);
        account.EnsureInService();
    }

    [Fact]
    public void A_paid_account_stays_in_service_through_dunning_and_closes_when_it_expires()
    {
        var account = New("monthly");
        account.ActivateAfterFirstCharge(PeriodEnd);

        account.RenewalFailed(final: false);
        Assert.Equal(AccountStatus.PaymentFailed, account.Status);
        Assert.True(account.IsInService);

        account.RenewalFailed(final: true);
        AssertClosed(account);
    }

    [Fact]
    public void A_trial_is_in_service_until_it_expires_and_closed_again_while_its_paid_plan_waits_for_the_charge()
    {
        var trial = New("trial");
        Assert.True(trial.IsInService);
        trial.Cancel();
        Assert.True(trial.IsInService);
        trial.ExpireIfDue(Now.AddDays(15));
        AssertClosed(trial);

        trial.Apply(new AccountSettings(null, null, null, null, Guid.NewGuid()));
        trial.ChangePlan(new Plan { Product = "marketing", Tier = "plus", Contacts = 1000, Seats = 3, Cadence = "monthly" }, appliesNow: true);
        trial.PlanChangeChargeFailed(final: false);
        AssertClosed(trial);
        trial.PlanChangePeriodPaid(PeriodEnd);
        Assert.True(trial.IsInService);
    }

    [Fact]
    public void A_moved_out_account_runs_on_for_its_stand_alone_owner_and_under_its_new_partner()
    {
        var account = New("monthly");
        account.ActivateAfterFirstCharge(PeriodEnd);

        account.TransferOut("owner@client.test");
        Assert.Equal(AccountStatus.Transferred, account.Status);
        Assert.True(account.IsInService);

        account.TransferIn(Guid.NewGuid());
        Assert.True(account.IsInService);
    }

    [Fact]
    public void A_trial_lasts_the_days_it_is_given()
    {
        Assert.Equal(Now.AddDays(30), New("trial", trialDays: 30).CurrentPeriodEnd);
        Assert.Equal(Now.AddDays(TestCatalog.Default.TrialDays), New("trial", TestCatalog.Default.TrialDays).CurrentPeriodEnd);
    }

    private static void AssertClosed(Account account)
    {
        Assert.False(account.IsInService);
        var problem = Assert.Throws<ProblemException>(account.EnsureInService);
        Assert.Equal(403, problem.Status);
        Assert.Equal("https://reseller.dev/problems/account-not-in-service", problem.Type);
    }
}
