namespace Reseller.Contracts.Accounts;

/// <summary>
/// An account's plan, seats, licences or add-ons changed. Accounts decides what takes effect now and what waits:
/// <see cref="Current"/> is in force from <see cref="ChangedAt"/> (an upgrade, added seats, a trial turned paid, a new
/// cadence); <see cref="Scheduled"/> (a downgrade, removed seats) replaces it at the next renewal, or is null.
/// Billing charges what <see cref="Current"/> adds over <see cref="Previous"/> for the rest of the period, prorated, or the
/// first paid period when <see cref="Previous"/> was a trial. <see cref="BillingProfileId"/> is the account's card at the
/// change (null when none): a trial turned paid names its first card in the same request, and its own
/// AccountBillingProfileChanged may arrive after this event, so Billing charges the first period to this one.
/// <see cref="Payer"/> is who paid for the account at the change (<see cref="Payers"/>; null from older publishers): the
/// charge goes to that payer, so Billing waits for a PayerChanged this event overtook before charging it.
/// <see cref="Revision"/> numbers the account's plan changes from 1 (null from older publishers): each is priced from the
/// plan the one before it left, so Billing applies them in that order, whatever order they are delivered in.
/// </summary>
public sealed record AccountPlanChanged(
    Guid AccountId,
    Guid PartnerId,
    AccountPlan Previous,
    AccountPlan Current,
    AccountPlan? Scheduled,
    DateTimeOffset ChangedAt,
    Guid? BillingProfileId = null,
    string? Payer = null,
    int? Revision = null);
