using System.Net;

namespace Reseller.Partners.Payouts.PayPal;

/// <summary>PayPal answered a call with an error status; its body says why (PayPal's error name and message).</summary>
public sealed class PayPalErrorAnswer(string message, HttpStatusCode statusCode, string body) : HttpRequestException(message, null, statusCode)
{
    public string Body { get; } = body;
}
