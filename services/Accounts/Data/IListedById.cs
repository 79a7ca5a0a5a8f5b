namespace Reseller.Accounts.Data;

/// <summary>A row listed page by page in the order of its id (a time-ordered v7 Guid, so id order is creation order).</summary>
public interface IListedById
{
    Guid Id { get; }
}
