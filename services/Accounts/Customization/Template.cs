namespace Reseller.Accounts.Customization;

/// <summary>A message template an account starts with.</summary>
public sealed record Template(string Name, IReadOnlyList<string> Tags, string Html);
