namespace Reseller.Credits.Ledger;

/// <summary>One debit of an account's balance of one kind, as a batch of consumptions names it.</summary>
public readonly record struct AccountDebit(Guid PartnerId, Guid AccountId, CreditKind Kind, long Quantity);
