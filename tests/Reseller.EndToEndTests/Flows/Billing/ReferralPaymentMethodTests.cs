using System.Net;

using Reseller.EndToEndTests.Flows.Partners;
using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Billing;

/// <summary>
/// A referral signup takes the customer's card as a Stripe payment method (<c>payment_method</c>) as
/// <c>POST /api/v1/billing-profiles</c> does: Partners passes it on to Billing, which saves it with Stripe and refuses it with
/// the sandbox this system runs; the raw card stays the sandbox's.
/// </summary>
public sealed class ReferralPaymentMethodTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_referral_signup_passes_a_payment_method_on_to_billing_and_takes_either_it_or_a_card_never_both_nor_none()
    {
        var partner = await client.CreatePartnerAsync();
        var code = (await client.GetAsync("/api/v1/partners/me/referral-link", partner.Token))["code"]!.GetValue<string>();
        var card = new { number = GatewayClient.GoodCard, exp_month = 12, exp_year = GatewayClient.CardExpiryYear, cvc = "123" };

        // The sandbox's own answer to a payment method: proof that Partners handed it to Billing.
        var sandbox = await ProblemAssert.IsAsync(await SignUpAsync(code, card: null, paymentMethod: "pm_card_visa"), HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("/payment-method-requires-stripe", sandbox["type"]!.GetValue<string>(), StringComparison.Ordinal);
        var malformed = await ProblemAssert.IsAsync(await SignUpAsync(code, card: null, paymentMethod: "4242424242424242"), HttpStatusCode.BadRequest);
        Assert.NotNull(malformed["errors"]!["payment_method"]);
        var both = await ProblemAssert.IsAsync(await SignUpAsync(code, card, "pm_card_visa"), HttpStatusCode.BadRequest);
        Assert.NotNull(both["errors"]!["card"]);
        var none = await ProblemAssert.IsAsync(await SignUpAsync(code, card: null, paymentMethod: null), HttpStatusCode.BadRequest);
        Assert.NotNull(none["errors"]!["card"]);

        // None of them opened an account; the raw card does, with the sandbox.
        Assert.Equal(HttpStatusCode.Created, (await SignUpAsync(code, card, paymentMethod: null)).StatusCode);
    }

    private Task<HttpResponseMessage> SignUpAsync(string code, object? card, string? paymentMethod) =>
        client.SendAsync(HttpMethod.Post, $"/api/v1/referrals/{code}/signup", new
        {
            name = GatewayClient.NewAccountName(),
            customer = new { name = "Jane Customer", email = "jane@customer.test" },
            language = "en",
            time_zone = "Europe/Paris",
            plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "monthly" },
            card,
            payment_method = paymentMethod,
        });

    public void Dispose() => client.Dispose();
}
