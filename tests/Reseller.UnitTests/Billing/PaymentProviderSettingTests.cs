using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

using Reseller.Billing.Payments;
using Reseller.Billing.Profiles;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.Billing;

public sealed class PaymentProviderSettingTests
{
    private static readonly (string, string)[] StripeKeys =
        [("Billing:Payments:Stripe:SecretKey", "sk_test_x"), ("Billing:Payments:Stripe:WebhookSecret", "whsec_x")];

    [Fact]
    public void The_sandbox_is_the_default_outside_Production_and_the_former_setting_name_still_chooses()
    {
        Assert.Equal("sandbox", PaymentProviderSetting.Of(Settings(), Environment(Environments.Development)));
        Assert.Equal("stripe", PaymentProviderSetting.Of(Settings([("Billing:PaymentProvider", "Stripe"), .. StripeKeys]), Environment(Environments.Development)));
        Assert.Equal("stripe", PaymentProviderSetting.Of(Settings([("Billing:Payments:Provider", "stripe"), .. StripeKeys]), Environment(Environments.Production)));
    }

    [Fact]
    public void Production_refuses_the_sandbox_whether_named_or_by_default_and_Stripe_without_its_secrets()
    {
        var byDefault = Assert.Throws<InvalidOperationException>(() => PaymentProviderSetting.Of(Settings(), Environment(Environments.Production)));
        Assert.Throws<InvalidOperationException>(() => PaymentProviderSetting.Of(Settings(("Billing:Payments:Provider", "sandbox")), Environment(Environments.Production)));
        var noSecret = Assert.Throws<InvalidOperationException>(() =>
            PaymentProviderSetting.Of(Settings(("Billing:Payments:Provider", "stripe"), ("Billing:Payments:Stripe:SecretKey", "sk_test_x")), Environment(Environments.Production)));

        Assert.Contains("Billing:Payments:Provider", byDefault.Message, StringComparison.Ordinal);
        Assert.Contains("Billing:Payments:Stripe:WebhookSecret", noSecret.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_test_x", noSecret.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_billing_profile_takes_a_card_or_a_payment_method_never_both()
    {
        var now = DateTimeOffset.UtcNow;
        var card = new CardRequest("4242424242424242", 12, now.Year + 2, "123");

        new CreateBillingProfileRequest(null, "Main", "pm_1Pq2Rs3Tu").ThrowIfInvalid(now);
        var both = Assert.Throws<ProblemException>(() => new CreateBillingProfileRequest(card, "Main", "pm_1Pq2Rs3Tu").ThrowIfInvalid(now));
        var notAnId = Assert.Throws<ProblemException>(() => new CreateBillingProfileRequest(null, "Main", "4242424242424242").ThrowIfInvalid(now));

        Assert.Contains("card", both.Errors!.Keys);
        Assert.Contains("payment_method", notAnId.Errors!.Keys);
        Assert.DoesNotContain("4242", string.Join(' ', notAnId.Errors["payment_method"]), StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
