namespace Reseller.ServiceDefaults.Http;

/// <summary>Money on the wire: integer minor units and an ISO 4217 currency, never floating point.</summary>
public sealed record MoneyAmount(long Amount, string Currency);
