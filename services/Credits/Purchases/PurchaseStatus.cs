namespace Reseller.Credits.Purchases;

public enum PurchaseStatus
{
    Pending,
    Credited,
}
