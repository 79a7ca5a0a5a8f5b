namespace Reseller.Web.Api;

public sealed record AccountCreditsOverview(AccountCreditAmounts Partner, IReadOnlyList<AccountCreditsEntry> Accounts);
