using Reseller.Accounts.ResoldAccounts;

namespace Reseller.Accounts.Lifecycle;

/// <summary>
/// What a plan or seat change did: the plan before, the plan in force now, what waits for the next renewal, and the account's
/// plan revision it made.
/// </summary>
public sealed record PlanChange(Plan Previous, Plan Current, Plan? Scheduled, int Revision = 0);
