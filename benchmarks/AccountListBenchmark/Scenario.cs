namespace Reseller.AccountListBenchmark;

/// <summary>A list query walked page after page by following next_page_token.</summary>
public sealed record Scenario(string Title, string Query, int Pages);
