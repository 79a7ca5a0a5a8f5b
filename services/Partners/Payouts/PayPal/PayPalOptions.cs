namespace Reseller.Partners.Payouts.PayPal;

/// <summary><c>Partners__Payouts__PayPal__*</c>: the REST app's credentials and the API's address (sandbox by default).</summary>
public sealed class PayPalOptions
{
    public const string Section = "Partners:Payouts:PayPal";

    public Uri BaseUrl { get; set; } = new("https://api-m.sandbox.paypal.com/");
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
}
