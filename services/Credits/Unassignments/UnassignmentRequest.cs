namespace Reseller.Credits.Unassignments;

public sealed record UnassignmentRequest(string? AccountId, long? Quantity);
