using Reseller.Accounts.Lifecycle;
using Reseller.Accounts.ResoldAccounts;

namespace Reseller.UnitTests.Accounts.Lifecycle;

public sealed class TrialAddOnsTests
{
    [Fact]
    public void A_marketing_trial_carries_20_conversations_seats_whatever_was_asked()
    {
        var plan = new Plan { Product = "marketing", Tier = "plus", Cadence = "trial", AddOns = [new PlanAddOn { Code = "conversations", Quantity = 500 }] };

        var conversations = Assert.Single(plan.WithTrialAddOns(TestCatalog.Default).AddOns);

        Assert.Equal(("conversations", 20), (conversations.Code, conversations.Quantity));
    }

    [Fact]
    public void A_paid_plan_keeps_the_add_ons_it_asked_for()
    {
        var plan = new Plan { Product = "marketing", Tier = "plus", Cadence = "monthly" };

        Assert.Empty(plan.WithTrialAddOns(TestCatalog.Default).AddOns);
    }
}
