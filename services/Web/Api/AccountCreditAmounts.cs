namespace Reseller.Web.Api;

public sealed record AccountCreditAmounts(Money Prepaid, long Sms, long Compatibility);
