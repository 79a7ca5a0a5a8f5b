namespace Reseller.Credits.Assignments;

public sealed record AssignmentRequest(string? AccountId, long? Quantity);
