namespace Reseller.Credits.Consumptions;

public sealed record ConsumptionResponse(string AccountId, string Kind, long Quantity, long Balance);
