namespace Reseller.Web.Api;

/// <summary>Prepaid credit is money; SMS and compatibility credits are units.</summary>
public sealed record CreditBalances(Money Prepaid, long Sms, long Compatibility);
