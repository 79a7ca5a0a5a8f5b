namespace Reseller.Billing.Catalog;

/// <summary>
/// A quoted change of an account: <see cref="Effective"/> is <c>now</c> (an upgrade, charged now for the period
/// <see cref="PeriodStart"/>–<see cref="PeriodEnd"/>, null when nothing is due) or <c>next_renewal</c> (a downgrade, nothing
/// due now); <see cref="Renewal"/> is what the next renewal on <see cref="RenewalDate"/> costs at today's discount.
/// </summary>
public sealed record PlanChangeQuote(
    string AccountId,
    string Effective,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    DateOnly? RenewalDate,
    RenewalQuote Renewal);
