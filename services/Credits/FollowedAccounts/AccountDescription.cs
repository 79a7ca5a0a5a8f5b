using Reseller.Contracts.Accounts;

namespace Reseller.Credits.FollowedAccounts;

/// <summary>What Accounts' answer about one account tells Credits: its plans and its status.</summary>
public sealed record AccountDescription(AccountPlan Current, AccountPlan? Scheduled, string? Status);
