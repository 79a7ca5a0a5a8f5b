namespace Reseller.Credits.Unassignments;

/// <summary>An un-assignment that returned credit from an account to the partner's pool, with both balances after it.</summary>
public sealed record UnassignmentResponse(string AccountId, string Kind, long Quantity, long PartnerBalance, long AccountBalance);
