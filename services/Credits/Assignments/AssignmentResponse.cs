namespace Reseller.Credits.Assignments;

/// <summary>An assignment that moved credit from the partner's pool to an account, with both balances after it.</summary>
public sealed record AssignmentResponse(string AccountId, string Kind, long Quantity, long PartnerBalance, long AccountBalance);
