namespace Reseller.Contracts.Accounts;

/// <summary>
/// A renewal was paid for an account that had expired before the payment reached Accounts (its cancellation or its final
/// failed charge reached Billing after the renewal was charged): the account never runs that period, so Billing credits the
/// invoice in full and refunds it. Published by Accounts as it takes the renewal's InvoicePaid; Billing gives back only what
/// is left of the invoice, so a repeat gives nothing back twice.
/// </summary>
public sealed record RenewalOfExpiredAccount(Guid InvoiceId, Guid AccountId, Guid PartnerId, DateTimeOffset RefusedAt);
