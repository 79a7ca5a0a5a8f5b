using Reseller.Contracts.Accounts;
using Reseller.Partners.FollowedAccounts;

namespace Reseller.UnitTests.Partners;

public sealed class FollowedAccountTests
{
    private static readonly Guid PartnerId = Guid.CreateVersion7();
    private static readonly Guid OtherPartner = Guid.CreateVersion7();
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly AccountPlan Monthly = new("marketing", "plus", 1000, null, [], "monthly");

    [Theory]
    [InlineData("active", "monthly", "partner", true)]
    [InlineData("cancelled", "annual", "partner", true)]
    [InlineData("payment_failed", "monthly", "partner", true)]
    [InlineData("pending", "monthly", "partner", false)]
    [InlineData("expired", "monthly", "partner", false)]
    [InlineData("transferred", "monthly", "partner", false)]
    [InlineData("trial", "trial", "partner", false)]
    [InlineData("active", "monthly", "customer", false)]
    public void Only_paid_partner_paid_live_accounts_count_for_the_discount(string status, string cadence, string payer, bool counts)
    {
        var account = FollowedAccount.Start(Guid.CreateVersion7(), PartnerId);
        account.StatusChanged(new AccountStatusChanged(account.AccountId, PartnerId, "pending", status, cadence, payer, T0));

        Assert.Equal(counts, IsPaid(account, PartnerId));
        Assert.False(IsPaid(account, OtherPartner));
    }

    [Fact]
    public void An_older_event_arriving_late_does_not_undo_a_newer_one()
    {
        var account = FollowedAccount.Start(Guid.CreateVersion7(), PartnerId);
        account.StatusChanged(new AccountStatusChanged(account.AccountId, PartnerId, "pending", "active", "monthly", "partner", T0.AddMinutes(1)));
        account.Created(new AccountCreated(account.AccountId, PartnerId, "acct", Monthly, "partner", null, "pending", T0, "n@agency.test"));

        Assert.Equal("active", account.Status);
        Assert.Equal(T0, account.CreatedAt);
        Assert.True(IsPaid(account, PartnerId));
    }

    [Fact]
    public void A_payer_switch_consumed_before_the_older_activation_keeps_both()
    {
        var account = FollowedAccount.Start(Guid.CreateVersion7(), PartnerId);
        account.Created(new AccountCreated(account.AccountId, PartnerId, "acct", Monthly, "partner", null, "pending", T0, "n@agency.test"));
        account.PayerChanged(new PayerChanged(account.AccountId, PartnerId, "partner", "customer", null, "n@agency.test", T0.AddMinutes(2)));
        account.StatusChanged(new AccountStatusChanged(account.AccountId, PartnerId, "pending", "active", "monthly", "partner", T0.AddMinutes(1)));

        Assert.Equal(("active", "customer"), (account.Status, account.Payer));
        account.PayerChanged(new PayerChanged(account.AccountId, PartnerId, "customer", "partner", null, "n@agency.test", T0.AddMinutes(3)));
        Assert.True(IsPaid(account, PartnerId));
    }

    [Fact]
    public void A_plan_change_consumed_before_the_older_activation_keeps_both_and_the_older_cadence_is_ignored()
    {
        var account = FollowedAccount.Start(Guid.CreateVersion7(), PartnerId);
        account.PlanChanged(new AccountPlanChanged(account.AccountId, PartnerId, Monthly with { Cadence = "trial" }, Monthly, null, T0.AddMinutes(2)));
        account.StatusChanged(new AccountStatusChanged(account.AccountId, PartnerId, "trial", "active", "trial", "partner", T0.AddMinutes(1)));

        Assert.Equal(("active", "monthly"), (account.Status, account.Cadence));
        Assert.True(IsPaid(account, PartnerId));
    }

    [Fact]
    public void A_late_event_from_before_a_transfer_in_leaves_the_account_with_its_new_partner()
    {
        var account = FollowedAccount.Start(Guid.CreateVersion7(), OtherPartner);
        account.TransferredIn(new AccountTransferredIn(account.AccountId, OtherPartner, "acct", Monthly, "partner", T0.AddMinutes(5)));
        account.TransferredOut(new AccountTransferredOut(account.AccountId, PartnerId, "owner@customer.test", T0.AddMinutes(4)));
        account.StatusChanged(new AccountStatusChanged(account.AccountId, PartnerId, "pending", "active", "monthly", "customer", T0.AddMinutes(1)));

        Assert.Equal((OtherPartner, "active", "partner"), (account.PartnerId, account.Status, account.Payer));
        Assert.True(IsPaid(account, OtherPartner));
        Assert.False(IsPaid(account, PartnerId));
    }

    [Fact]
    public void Payer_switches_plan_changes_and_transfers_move_the_count()
    {
        var account = FollowedAccount.Start(Guid.CreateVersion7(), PartnerId);
        account.Created(new AccountCreated(account.AccountId, PartnerId, "acct", Monthly with { Cadence = "trial" }, "partner", null, "trial", T0, "n@agency.test"));
        account.StatusChanged(new AccountStatusChanged(account.AccountId, PartnerId, "trial", "active", "trial", "partner", T0.AddMinutes(1)));
        Assert.False(IsPaid(account, PartnerId));

        account.PlanChanged(new AccountPlanChanged(account.AccountId, PartnerId, Monthly with { Cadence = "trial" }, Monthly, null, T0.AddMinutes(2)));
        Assert.True(IsPaid(account, PartnerId));

        account.PayerChanged(new PayerChanged(account.AccountId, PartnerId, "partner", "customer", null, "n@agency.test", T0.AddMinutes(3)));
        Assert.False(IsPaid(account, PartnerId));
        account.PayerChanged(new PayerChanged(account.AccountId, PartnerId, "customer", "partner", null, "n@agency.test", T0.AddMinutes(4)));
        Assert.True(IsPaid(account, PartnerId));

        account.TransferredOut(new AccountTransferredOut(account.AccountId, PartnerId, "owner@customer.test", T0.AddMinutes(5)));
        Assert.False(IsPaid(account, PartnerId));
        account.TransferredIn(new AccountTransferredIn(account.AccountId, OtherPartner, "acct", Monthly, "partner", T0.AddMinutes(6)));
        Assert.True(IsPaid(account, OtherPartner));
        Assert.False(IsPaid(account, PartnerId));
    }

    private static bool IsPaid(FollowedAccount account, Guid partnerId) => FollowedAccount.IsPaid(partnerId).Compile()(account);
}
