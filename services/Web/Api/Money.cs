namespace Reseller.Web.Api;

/// <summary>The API's money: integer minor units and an ISO 4217 currency.</summary>
public sealed record Money(long Amount, string Currency);
