namespace Reseller.Credits.Ledger;

public sealed record BalancesResponse(CreditBalances Partner, IReadOnlyList<AccountCreditBalances> Accounts);
