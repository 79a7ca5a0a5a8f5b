namespace Reseller.Accounts.Customization;

public sealed record TemplateRequest(string? Name, IReadOnlyList<string>? Tags, string? Html);
