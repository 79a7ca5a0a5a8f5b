using Reseller.Accounts.ResoldAccounts;

namespace Reseller.Accounts.Lifecycle;

/// <summary>What a plan or seat change did: the plan before, the plan in force now, and what waits for the next renewal.</summary>
public sealed record PlanChange(Plan Previous, Plan Current, Plan? Scheduled);
