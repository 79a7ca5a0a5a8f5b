using Reseller.Billing.Payments;

namespace Reseller.UnitTests.Billing;

public sealed class SandboxPaymentProviderTests
{
    private readonly SandboxPaymentProvider provider = new();

    [Theory]
    [InlineData("4242424242424242", true, null)]
    [InlineData("4000000000000002", false, "card_declined")]
    [InlineData("4000000000009995", false, "insufficient_funds")]
    [InlineData("4000000000000341", false, "charge_failed")]
    public async Task Test_cards_tokenize_and_charge_as_documented(string number, bool succeeds, string? failure)
    {
        var card = await provider.TokenizeAsync(new CardDetails(number, 12, 2030, "123"), CancellationToken.None);
        var result = await provider.ChargeAsync(card.Token, 4410, "USD", "key-1", CancellationToken.None);

        Assert.Equal(succeeds, result.Succeeded);
        Assert.Equal(failure, result.FailureCode);
        Assert.Equal(number[^4..], card.Last4);
        Assert.Equal("visa", card.Brand);
        Assert.DoesNotContain(number, card.Token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_charge_with_the_same_idempotency_key_is_the_same_charge()
    {
        var card = await provider.TokenizeAsync(new CardDetails("4242424242424242", 12, 2030, "123"), CancellationToken.None);

        var first = await provider.ChargeAsync(card.Token, 100, "USD", "payment-1", CancellationToken.None);
        var again = await provider.ChargeAsync(card.Token, 100, "USD", "payment-1", CancellationToken.None);
        var other = await provider.ChargeAsync(card.Token, 100, "USD", "payment-2", CancellationToken.None);

        Assert.Equal(first.ProviderChargeId, again.ProviderChargeId);
        Assert.NotEqual(first.ProviderChargeId, other.ProviderChargeId);
    }

    [Fact]
    public void Card_details_never_print_their_number()
    {
        Assert.DoesNotContain("4242", new CardDetails("4242424242424242", 1, 2030, "123").ToString(), StringComparison.Ordinal);
    }
}
