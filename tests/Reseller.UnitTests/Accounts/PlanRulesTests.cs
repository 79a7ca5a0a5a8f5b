using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.Accounts;

public sealed class PlanRulesTests
{
    private static (Reseller.Contracts.Accounts.AccountPlan? Plan, ValidationErrors Errors) Validate(PlanRequest request)
    {
        var errors = new ValidationErrors();
        return (PlanRules.Validate(request, TestCatalog.Default, (field, message) => errors.Add(field, message)), errors);
    }

    [Fact]
    public void A_marketing_plan_defaults_to_one_band_and_the_included_seats()
    {
        var (plan, errors) = Validate(new PlanRequest("marketing", "plus", null, null, null, "monthly"));

        Assert.True(errors.IsEmpty);
        Assert.Equal(1000, plan!.Contacts);
        Assert.Equal(3, plan.Seats);
    }

    [Theory]
    [InlineData("marketing", "gold", 1000, null, "monthly", "plan.tier")]
    [InlineData("crm", "plus", 1000, null, "monthly", "plan.product")]
    [InlineData("marketing", "plus", 100001, null, "monthly", "plan.contacts")]
    [InlineData("marketing", "plus", 0, null, "monthly", "plan.contacts")]
    [InlineData("marketing", "plus", 1000, null, "weekly", "plan.cadence")]
    [InlineData("signatures-m365", "standard", null, 4, "monthly", "plan.seats")]
    [InlineData("shared-contacts", "standard", null, null, "monthly", "plan.seats")]
    public void Plans_outside_the_catalog_or_its_limits_are_refused(string product, string tier, int? contacts, int? seats, string cadence, string field)
    {
        var (_, errors) = Validate(new PlanRequest(product, tier, contacts, seats, null, cadence));

        Assert.True(errors.Has(field));
    }

    [Fact]
    public void Sms_needs_a_tier_other_than_lite()
    {
        var (_, errors) = Validate(new PlanRequest("marketing", "lite", 1000, null, [new AddOnRequest("sms", 1)], "monthly"));

        Assert.True(errors.Has("plan.add_ons[0]"));
    }

    [Theory]
    [InlineData("signatures-m365", "standard", 5)]
    [InlineData("signatures-gworkspace", "standard", 5)]
    [InlineData("shared-contacts", "standard", 1)]
    public void Sms_is_an_add_on_of_marketing_only(string product, string tier, int seats)
    {
        var (_, errors) = Validate(new PlanRequest(product, tier, null, seats, [new AddOnRequest("sms", 1)], "monthly"));

        Assert.True(errors.Has("plan.add_ons[0]"));
    }
}
