namespace Reseller.IntegrationTests.Messaging;

/// <summary>Depends on an earlier event: the widget it paints is made by a WidgetMade.</summary>
public sealed record WidgetPainted(string RunId, string Label, string Colour);
