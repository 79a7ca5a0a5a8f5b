using System.Globalization;

namespace Reseller.Billing.Payments;

/// <summary>
/// Billing:Payments:Stripe: the secret API key and the webhook signing secret (both required), the API's base address
/// (Stripe's unless a test points it at a fake), how long one call may take, and how old a webhook's signature may be.
/// </summary>
public sealed record StripeSettings(string SecretKey, string WebhookSecret, Uri ApiBase, TimeSpan Timeout, TimeSpan WebhookTolerance)
{
    public const string Section = "Billing:Payments:Stripe";
    public const string DefaultApiBase = "https://api.stripe.com";
    public const int DefaultTimeoutSeconds = 30;
    public const int DefaultWebhookToleranceSeconds = 300;

    public static StripeSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var secretKey = section["SecretKey"];
        var webhookSecret = section["WebhookSecret"];
        if (string.IsNullOrWhiteSpace(secretKey) || string.IsNullOrWhiteSpace(webhookSecret))
        {
            throw new InvalidOperationException($"The Stripe payment provider needs {Section}:SecretKey and {Section}:WebhookSecret.");
        }
        return new StripeSettings(
            secretKey.Trim(),
            webhookSecret.Trim(),
            new Uri(section["ApiBase"] is { Length: > 0 } apiBase ? apiBase : DefaultApiBase),
            TimeSpan.FromSeconds(Seconds(section["TimeoutSeconds"], DefaultTimeoutSeconds)),
            TimeSpan.FromSeconds(Seconds(section["WebhookToleranceSeconds"], DefaultWebhookToleranceSeconds)));
    }

    private static int Seconds(string? value, int fallback) =>
        value is { Length: > 0 } && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : fallback;

    public override string ToString() => $"StripeSettings {{ ApiBase = {ApiBase}, Timeout = {Timeout} }}";
}
