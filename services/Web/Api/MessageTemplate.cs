namespace Reseller.Web.Api;

/// <summary>A message template new accounts start with.</summary>
public sealed record MessageTemplate(string Name, IReadOnlyList<string> Tags, string Html);
