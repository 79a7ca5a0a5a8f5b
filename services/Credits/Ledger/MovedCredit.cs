namespace Reseller.Credits.Ledger;

/// <summary>What a move of assigned credit left: the account's public id, the kind's name, and both balances after it.</summary>
public sealed record MovedCredit(string AccountReference, string Kind, long PartnerBalance, long AccountBalance);
