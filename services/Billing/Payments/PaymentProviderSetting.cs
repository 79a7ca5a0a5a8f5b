namespace Reseller.Billing.Payments;

/// <summary>
/// Billing:Payments:Provider names the provider that charges cards (Billing:PaymentProvider, its former name, still works).
/// "sandbox" takes test cards and moves no money: it is the default outside Production, and Production refuses to start
/// with it rather than "charge" without charging. "stripe" needs its secret key and webhook secret (<see cref="StripeSettings"/>).
/// </summary>
public static class PaymentProviderSetting
{
    public const string Key = "Billing:Payments:Provider";
    public const string LegacyKey = "Billing:PaymentProvider";
    public const string Sandbox = "sandbox";
    public const string Stripe = "stripe";

    public static string Of(IConfiguration configuration, IHostEnvironment environment)
    {
        var named = configuration[Key] is { Length: > 0 } current ? current : configuration[LegacyKey];
        var provider = named is { Length: > 0 } ? named.Trim().ToLowerInvariant() : Sandbox;
        switch (provider)
        {
            case Sandbox when environment.IsProduction():
                throw new InvalidOperationException($"Production refuses to start with the sandbox payment provider: set {Key} (formerly {LegacyKey}) to '{Stripe}'.");
            case Sandbox:
                return provider;
            case Stripe:
                StripeSettings.From(configuration);
                return provider;
            default:
                throw new InvalidOperationException($"{Key} is '{provider}', which is not a payment provider this build knows ('{Sandbox}' or '{Stripe}').");
        }
    }
}
