namespace Reseller.IntegrationTests.Messaging;

public sealed record WidgetMade(string RunId, string Label);
