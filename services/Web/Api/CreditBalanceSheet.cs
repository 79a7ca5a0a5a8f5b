namespace Reseller.Web.Api;

/// <summary>The partner's own pool and each account's assigned credit.</summary>
public sealed record CreditBalanceSheet(CreditBalances Partner, IReadOnlyList<AccountCreditBalances> Accounts);
