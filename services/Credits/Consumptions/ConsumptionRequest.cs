namespace Reseller.Credits.Consumptions;

public sealed record ConsumptionRequest(long? Quantity);
