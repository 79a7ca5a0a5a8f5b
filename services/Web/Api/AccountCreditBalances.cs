namespace Reseller.Web.Api;

public sealed record AccountCreditBalances(string AccountId, CreditBalances Balances);
