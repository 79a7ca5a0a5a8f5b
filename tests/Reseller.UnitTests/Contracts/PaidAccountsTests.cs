using Reseller.Contracts.Accounts;
using Reseller.Partners.FollowedAccounts;

namespace Reseller.UnitTests.Contracts;

/// <summary>The one paid-account rule that Billing counts when charging and Partners when showing the discount.</summary>
public sealed class PaidAccountsTests
{
    private static readonly string[] AllCadences = ["trial", "monthly", "annual"];
    private static readonly DateTimeOffset At = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("partner", "monthly", AccountStatus.Active, true)]
    [InlineData("partner", "annual", AccountStatus.Cancelled, true)]
    [InlineData("partner", "monthly", AccountStatus.PaymentFailed, true)]
    [InlineData("partner", "trial", AccountStatus.Trial, false)]
    [InlineData("partner", "trial", AccountStatus.Active, false)]
    [InlineData("partner", "monthly", AccountStatus.Pending, false)]
    [InlineData("partner", "annual", AccountStatus.Expired, false)]
    [InlineData("partner", "monthly", AccountStatus.Transferred, false)]
    [InlineData("customer", "monthly", AccountStatus.Active, false)]
    [InlineData("customer", "annual", AccountStatus.Cancelled, false)]
    public void Only_partner_paid_monthly_or_annual_accounts_in_a_paid_status_count(string payer, string cadence, AccountStatus status, bool paid)
    {
        Assert.Equal(paid, PaidAccounts.IsPaid(payer, cadence, status));
        Assert.Equal(paid, PaidAccounts.IsPaid(payer, cadence, AccountStatuses.NameOf(status)));
    }

    [Fact]
    public void Status_names_are_the_names_that_travel_in_events()
    {
        Assert.Equal(["active", "cancelled", "payment_failed"], PaidAccounts.StatusNames);
        Assert.Equal(
            [AccountStatuses.Pending, AccountStatuses.Trial, AccountStatuses.Active, AccountStatuses.PaymentFailed, AccountStatuses.Cancelled, AccountStatuses.Expired, AccountStatuses.Transferred],
            Enum.GetValues<AccountStatus>().Select(AccountStatuses.NameOf));
    }

    [Fact]
    public void Partners_counts_exactly_the_accounts_the_rule_calls_paid()
    {
        var partnerId = Guid.CreateVersion7();
        var isPaid = FollowedAccount.IsPaid(partnerId).Compile();
        foreach (var payer in Payers.All)
        {
            foreach (var cadence in AllCadences)
            {
                foreach (var status in Enum.GetValues<AccountStatus>().Select(AccountStatuses.NameOf))
                {
                    var account = FollowedAccount.Start(Guid.CreateVersion7(), partnerId);
                    account.StatusChanged(new AccountStatusChanged(account.AccountId, partnerId, "pending", status, cadence, payer, At));

                    Assert.Equal(PaidAccounts.IsPaid(payer, cadence, status), isPaid(account));
                }
            }
        }
    }
}
