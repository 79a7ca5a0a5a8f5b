namespace Reseller.Web.Api;

public sealed record AccountCreditsEntry(string AccountId, AccountCreditAmounts Balances);
