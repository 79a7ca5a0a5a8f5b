namespace Reseller.Billing.Payments;

public sealed record TokenizedCard(string Token, string Brand, string Last4, int ExpMonth, int ExpYear);
