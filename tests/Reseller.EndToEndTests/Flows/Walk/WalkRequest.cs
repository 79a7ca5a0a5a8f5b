namespace Reseller.EndToEndTests.Flows.Walk;

/// <summary>One call of the walk: who, which operation, which variant, and exactly what goes over the wire.</summary>
public sealed record WalkRequest(WalkIdentity Identity, WalkOperation Operation, string Variant, string Url, string? Json, string? IdempotencyKey = null)
{
    public string ContentType { get; init; } = "application/json";

    public string Accept { get; init; } = "application/json";


    public override string ToString() => $"{Operation.Method} {Url} as {Identity.Name} ({Variant})";
}
