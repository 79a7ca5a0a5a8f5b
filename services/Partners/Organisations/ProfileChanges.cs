namespace Reseller.Partners.Organisations;

/// <summary>The validated, normalised fields of a profile change; null leaves a field as it is.</summary>
public sealed record ProfileChanges(string? Name, string? Email, string? Country, string? Currency, string? PaypalEmail);
