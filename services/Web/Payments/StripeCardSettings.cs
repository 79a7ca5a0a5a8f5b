namespace Reseller.Web.Payments;

/// <summary>
/// Stripe for the dashboard's card forms (<c>Web__Stripe__PublishableKey</c>, the <c>pk_…</c> key). With a key, a card is
/// typed into Stripe.js's card Element and only the <c>pm_…</c> id Stripe returns reaches the API; without one, the forms
/// post the raw card the sandbox provider accepts and no external script is loaded.
/// </summary>
public sealed record StripeCardSettings(string? PublishableKey)
{
    /// <summary>Stripe requires Stripe.js to be loaded from its own address (never bundled nor self-hosted).</summary>
    public const string ScriptUrl = "https://js.stripe.com/v3/";

    public bool Enabled => !string.IsNullOrWhiteSpace(PublishableKey);

    public static StripeCardSettings From(IConfiguration configuration) => new(configuration["Web:Stripe:PublishableKey"]?.Trim());
}
