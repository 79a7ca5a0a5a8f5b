namespace Reseller.Credits.Ledger;

public enum CreditKind
{
    Prepaid,
    Sms,
    Compatibility,
}
