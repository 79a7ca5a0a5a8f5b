namespace Reseller.Billing.Payments;

/// <summary>
/// Billing:PaymentProvider names the provider that charges cards. "sandbox" (the default, and today the only one) takes
/// test cards and moves no money, so Production refuses to start with it rather than "charge" without charging.
/// </summary>
public static class PaymentProviderSetting
{
    public const string Key = "Billing:PaymentProvider";
    public const string Sandbox = "sandbox";

    public static string Of(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration[Key] is { Length: > 0 } named ? named.Trim().ToLowerInvariant() : Sandbox;
        if (provider != Sandbox)
        {
            throw new InvalidOperationException($"{Key} is '{provider}', which is not a payment provider this build knows (only '{Sandbox}').");
        }
        if (environment.IsProduction())
        {
            throw new InvalidOperationException($"Production refuses to start with the sandbox payment provider: {Key} is '{Sandbox}'.");
        }
        return provider;
    }
}
