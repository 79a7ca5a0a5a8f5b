using System.Text.Json.Serialization;

using Reseller.ServiceDefaults.Http;

namespace Reseller.Billing.Profiles;

/// <summary>
/// Card details as the partner typed them; they go to the payment provider and nowhere else. API.md gives the fields and
/// not their JSON types, and clients send the digits as strings or as numbers, the expiry as numbers or as strings: each
/// is read either way, and what it holds is then checked as usual (<see cref="CardRules"/>).
/// </summary>
public sealed record CardRequest(
    [property: JsonConverter(typeof(DigitsAsStringConverter))] string? Number,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? ExpMonth,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? ExpYear,
    [property: JsonConverter(typeof(DigitsAsStringConverter))] string? Cvc)
{
    public override string ToString() => "CardRequest { redacted }";
}
