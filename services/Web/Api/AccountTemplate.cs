namespace Reseller.Web.Api;

public sealed record AccountTemplate(string Name, IReadOnlyList<string> Tags);
