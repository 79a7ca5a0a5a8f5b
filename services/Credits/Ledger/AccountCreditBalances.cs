namespace Reseller.Credits.Ledger;

public sealed record AccountCreditBalances(string AccountId, CreditBalances Balances);
