using System.Text.Json;

using Reseller.Billing.Profiles;
using Reseller.ServiceDefaults.Http;

namespace Reseller.UnitTests.Billing;

/// <summary>API.md names the card's fields, not their JSON types: digits and expiry are read as strings or as numbers.</summary>
public sealed class CardRequestJsonTests
{
    private static readonly JsonSerializerOptions Api = Options();

    [Theory]
    [InlineData("""{"number":"4242424242424242","exp_month":12,"exp_year":2030,"cvc":"123"}""")]
    [InlineData("""{"number":4242424242424242,"exp_month":"12","exp_year":"2030","cvc":123}""")]
    public void A_card_given_with_strings_or_numbers_reads_the_same(string card)
    {
        var request = JsonSerializer.Deserialize<CreateBillingProfileRequest>($$"""{"card":{{card}},"name":"Main card"}""", Api)!;

        Assert.Equal(("4242424242424242", 12, 2030, "123"), (request.Card!.Number, request.Card.ExpMonth, request.Card.ExpYear, request.Card.Cvc));
    }

    [Theory]
    [InlineData("""{"number":true}""")]
    [InlineData("""{"cvc":{"value":"123"}}""")]
    [InlineData("""{"exp_month":"twelve"}""")]
    public void Anything_else_is_malformed(string card) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CreateBillingProfileRequest>($$"""{"card":{{card}},"name":"Main card"}""", Api));

    [Fact]
    public void A_fractional_number_is_read_as_its_text_and_then_fails_the_digit_rules()
    {
        var request = JsonSerializer.Deserialize<CreateBillingProfileRequest>("""{"card":{"cvc":12.5},"name":"Main card"}""", Api)!;

        Assert.Equal("12.5", request.Card!.Cvc);
    }

    private static JsonSerializerOptions Options()
    {
        var options = new JsonSerializerOptions();
        ApiConventions.Apply(options);
        return options;
    }
}
