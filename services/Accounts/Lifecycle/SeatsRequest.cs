namespace Reseller.Accounts.Lifecycle;

/// <summary>Seats (or licences, users) to add (positive) or remove (negative); add_on names a seat-based add-on.</summary>
public sealed record SeatsRequest(string? AddOn, int? Delta);
