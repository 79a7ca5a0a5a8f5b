using Reseller.Billing.Profiles;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.Billing;

public sealed class CardRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_valid_card_passes_with_spaces_removed()
    {
        var card = new CreateBillingProfileRequest(new CardRequest("4242 4242 4242 4242", 11, 2026, "123"), "Main").ThrowIfInvalid(Now).ToCardDetails();

        Assert.Equal("4242424242424242", card.Number);
    }

    [Fact]
    public void Every_bad_card_field_is_reported_and_the_number_is_never_echoed()
    {
        var problem = Assert.Throws<ProblemException>(() =>
            new CreateBillingProfileRequest(new CardRequest("4242424242424241", 10, 2026, "12a"), "").ThrowIfInvalid(Now).ToCardDetails());

        Assert.Equal(400, problem.Status);
        Assert.Equal(["card.cvc", "card.exp_month", "card.number", "name"], problem.Errors!.Keys.Order());
        Assert.DoesNotContain(problem.Errors.Values.SelectMany(m => m), m => m.Contains("4242", StringComparison.Ordinal));
    }
}
