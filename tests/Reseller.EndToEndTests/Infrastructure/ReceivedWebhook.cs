using System.Text.Json.Nodes;

namespace Reseller.EndToEndTests.Infrastructure;

public sealed record ReceivedWebhook(string Body, string ContentType, string EventId, string Signature, DateTimeOffset ReceivedAt)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string Type => Json["type"]!.GetValue<string>();
}
