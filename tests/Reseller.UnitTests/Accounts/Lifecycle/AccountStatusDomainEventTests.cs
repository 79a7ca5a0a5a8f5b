using Reseller.Accounts.ResoldAccounts;
using Reseller.Contracts.Accounts;

namespace Reseller.UnitTests.Accounts.Lifecycle;

/// <summary>The account raises its status change itself; the outbox message is made from it when the account is saved.</summary>
public sealed class AccountStatusDomainEventTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static Account NewActive(Guid partnerId)
    {
        var account = Account.Create(new NewAccount(partnerId, "client", null,
            new Customer { Name = "C", Email = "c@client.test" }, "n@agency.test", "en", "UTC",
            new Plan { Product = "marketing", Tier = "plus", Contacts = 1000, Seats = 3, Cadence = "monthly" },
            Guid.NewGuid(), Payers.Partner), Now, 14);
        account.ActivateAfterFirstCharge(Now.AddMonths(1));
        account.ClearDomainEvents();
        return account;
    }

    [Fact]
    public void A_new_account_raises_nothing_and_a_status_change_raises_its_previous_status_and_partner()
    {
        var partnerId = Guid.NewGuid();
        var created = Account.Create(new NewAccount(partnerId, "client", null,
            new Customer { Name = "C", Email = "c@client.test" }, "n@agency.test", "en", "UTC",
            new Plan { Product = "marketing", Tier = "plus", Contacts = 1000, Seats = 3, Cadence = "monthly" },
            Guid.NewGuid(), Payers.Partner), Now, 14);
        Assert.Empty(created.DomainEvents);

        var account = NewActive(partnerId);
        account.Cancel();

        var raised = Assert.IsType<AccountStatusChangedDomainEvent>(Assert.Single(account.DomainEvents));
        Assert.Same(account, raised.Account);
        Assert.Equal(AccountStatus.Active, raised.Previous);
        Assert.Equal(partnerId, raised.PreviousPartnerId);
    }

    [Fact]
    public void Changes_within_one_unit_of_work_keep_the_first_previous_status_so_a_round_trip_is_no_change()
    {
        var account = NewActive(Guid.NewGuid());

        account.Cancel();
        account.Renew(null, Now);

        var raised = Assert.IsType<AccountStatusChangedDomainEvent>(Assert.Single(account.DomainEvents));
        Assert.Equal(account.Status, raised.Previous);
    }

    [Fact]
    public void A_move_out_names_the_partner_the_account_left()
    {
        var partnerId = Guid.NewGuid();
        var account = NewActive(partnerId);

        account.TransferOut("owner@client.test");

        var raised = Assert.IsType<AccountStatusChangedDomainEvent>(Assert.Single(account.DomainEvents));
        Assert.Equal(partnerId, raised.PreviousPartnerId);
        Assert.Equal(Guid.Empty, account.PartnerId);
    }

    [Fact]
    public void Setting_the_same_status_raises_nothing()
    {
        var account = NewActive(Guid.NewGuid());
        account.Cancel();
        account.ClearDomainEvents();

        Assert.False(account.Cancel());

        Assert.Empty(account.DomainEvents);
    }
}
